// Gazetteers: who and where a news text names, from two analyst-edited YAML files,
// rules/actors.yaml (people, countries, organisations, media and date-bounded roles) and
// rules/places.yaml (sites, cities, regions, countries).
//
//   GazetteerLoad load = Gazetteer::load("rules");
//   if (!load.gazetteer) { for (auto& d : load.diagnostics) std::cerr << d.str() << '\n'; }
//   const Gazetteer& g = *load.gazetteer;
//   for (const GazetteerHit& hit : g.find_actors("Menhan Rusia bertemu Kim Jong-un di Pyongyang."))
//       if (auto who = g.actor(hit, date::sys_days{date::2023_y / 7 / 27}))
//           std::cout << who->name << '\n';           // Sergei Shoigu, then Kim Jong Un
//   for (const GazetteerHit& hit : g.find_places(text))
//       std::cout << g.place(hit).name << '\n';       // Pyongyang
//
// Every alias becomes a pattern: words written in capitals only (AS, RI, PBB, KCNA) and words
// of one or two letters (Xi, Jr) must appear exactly as written, because "as", "ri" and the
// school grade "kelas XI" are not names; other words match in any case, because news
// capitalises titles inconsistently (`pemimpin Korut`, `Pemimpin Korut`).
// Words may be separated by any short run of spaces, and ' matches ’. All aliases of a
// gazetteer are compiled once into one leftmost-longest RE2, so a text is searched in a
// single pass in linear time, and `Menteri Pertahanan Rusia` is found as a role rather than
// as the country `Rusia`. A hit never starts or ends inside a word (letters and digits of
// any script); hyphens and quotes are word boundaries, so `Korut-Rusia` names two actors.
//
// A role is a title whose holder depends on the day: each holder has an optional `from` and
// `until` (both inclusive). Where a term ends on the day the next begins (inaugurations,
// as written in most reference works), that day belongs to the incoming holder.
//
// The loader validates both files and reports every problem as file:line:col, with a
// "did you mean" for unknown keys and names; it never throws and never exits.
#pragma once

#include <date/date.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

// One alias found in a text.
struct GazetteerHit {
    std::size_t begin = 0, end = 0;  // byte offsets in the text given to find_* (end exclusive)
    int entry = 0;                   // index of the actor / role / place entry
    bool is_role = false;            // a title whose holder depends on the date
};

// A person, country, organization or media outlet, by its canonical (English) name.
struct Actor {
    std::string name;
    std::string kind;     // person | country | organization | media
    std::string country;  // the canonical country actor it belongs to; empty for countries and when unknown
};

// A site, city, region or country where something happens.
struct Place {
    std::string name;
    std::string kind;     // site | city | region | country
    std::string country;  // the canonical country actor it lies in
};

// One term of a role: the actor (an index into actors()) and the inclusive days it held it.
struct RoleHolder {
    int actor = 0;
    std::optional<date::sys_days> from;   // no bound when empty
    std::optional<date::sys_days> until;  // no bound when empty
};

// A title such as `Menhan Rusia` and who held it when, in the order of the file.
struct Role {
    std::vector<std::string> titles;
    std::vector<RoleHolder> holders;
};

class Gazetteer;

struct GazetteerLoad {
    std::unique_ptr<Gazetteer> gazetteer;  // empty when there were errors
    Diagnostics diagnostics;
};

// One compiled alias set (the actors' and roles' aliases, or the places'); see alias_matcher.h.
class AliasMatcher;

class Gazetteer {
public:
    // Loads rules_dir/actors.yaml and rules_dir/places.yaml. Errors are file:line:col
    // diagnostics: YAML syntax errors, unknown keys (with did-you-mean), a missing name, a
    // duplicate canonical name, an alias claimed by two different entries, role holders and
    // countries that are not defined actors, bad or overlapping role dates.
    static GazetteerLoad load(const std::string& rules_dir);

    // Every actor alias or role title in the text, left to right: leftmost-longest,
    // non-overlapping, at word boundaries.
    std::vector<GazetteerHit> find_actors(std::string_view text) const;
    // Every place alias in the text, by the same rules as find_actors.
    std::vector<GazetteerHit> find_places(std::string_view text) const;

    // The actor a hit of find_actors names; for a role, its holder on the day `on`
    // (std::nullopt when there is no day or nobody held the title that day).
    std::optional<Actor> actor(const GazetteerHit& hit, std::optional<date::sys_days> on) const;
    // The place a hit of find_places names.
    const Place& place(const GazetteerHit& hit) const;

    // The actor with this canonical name (for rule examples and lint); nullptr if undefined.
    const Actor* find_actor(std::string_view canonical_name) const;
    // The place with this canonical name; nullptr if undefined.
    const Place* find_place(std::string_view canonical_name) const;

    // The holder of a role on a day, as an index into actors(); std::nullopt if nobody.
    std::optional<int> role_holder(int role, date::sys_days on) const;

    // Everything that was loaded, in file order (entries of hits index these).
    const std::vector<Actor>& actors() const { return actors_; }
    const std::vector<Role>& roles() const { return roles_; }
    const std::vector<Place>& places() const { return places_; }

    ~Gazetteer();
    Gazetteer(const Gazetteer&) = delete;
    Gazetteer& operator=(const Gazetteer&) = delete;

private:
    Gazetteer();
    friend class GazetteerBuilder;

    std::vector<Actor> actors_;
    std::vector<Role> roles_;
    std::vector<Place> places_;
    std::unique_ptr<AliasMatcher> actor_aliases_;  // actors' aliases and roles' titles
    std::unique_ptr<AliasMatcher> place_aliases_;
};

}  // namespace linimasa
