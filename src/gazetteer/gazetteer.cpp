#include "gazetteer/gazetteer.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "gazetteer/alias_matcher.h"
#include "util/yaml_reading.h"

namespace linimasa {

namespace {

const std::vector<std::string> kActorKinds = {"person", "country", "organization", "media"};
const std::vector<std::string> kPlaceKinds = {"site", "city", "region", "country"};

// The alias as written, with runs of blanks (and no-break spaces) as one space and no blanks at the ends.
std::string tidy_alias(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool nbsp = text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
        if (is_blank(text[i]) || nbsp) {
            pending_space = !out.empty();
            i += nbsp ? 1 : 0;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += text[i];
    }
    return out;
}

std::optional<date::sys_days> parse_day(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            value = value * 10 + (s[i] - '0');
        }
        return value;
    };
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    if (!day.ok()) return std::nullopt;
    return date::sys_days{day};
}

std::string iso(date::sys_days day) { return date::format("%F", day); }

}  // namespace

// Reads actors.yaml and places.yaml into a Gazetteer, collecting diagnostics as it goes.
class GazetteerBuilder {
public:
    explicit GazetteerBuilder(Diagnostics& diagnostics)
        : g_(new Gazetteer()), diags_(diagnostics) {
        g_->actor_aliases_ = std::make_unique<AliasMatcher>();
        g_->place_aliases_ = std::make_unique<AliasMatcher>();
    }

    void read_actors_file(const std::string& path) {
        file_ = path;
        std::optional<YAML::Node> root = parse_file(path);
        if (!root) return;
        if (!root->IsMap()) return error(*root, "actors.yaml must be a mapping with 'actors' and 'roles'");
        check_keys(*root, {"actors", "roles"});
        if (!(*root)["actors"]) return error(*root, "missing 'actors'");
        actors_read_ = true;
        read_actors((*root)["actors"]);
        resolve_actor_countries();
        if ((*root)["roles"]) read_roles((*root)["roles"]);
    }

    void read_places_file(const std::string& path) {
        file_ = path;
        std::optional<YAML::Node> root = parse_file(path);
        if (!root) return;
        if (!root->IsMap()) return error(*root, "places.yaml must be a mapping with 'places'");
        check_keys(*root, {"places"});
        if (!(*root)["places"]) return error(*root, "missing 'places'");
        read_places((*root)["places"]);
    }

    // Compiles both alias sets and checks that no alias names two entries.
    std::unique_ptr<Gazetteer> finish() {
        compile(*g_->actor_aliases_, actors_file_, [this](AliasMatcher::Target t) {
            return t.is_role ? "role '" + g_->roles_[static_cast<std::size_t>(t.entry)].titles.front() + "'"
                             : "actor '" + g_->actors_[static_cast<std::size_t>(t.entry)].name + "'";
        });
        compile(*g_->place_aliases_, places_file_, [this](AliasMatcher::Target t) {
            return "place '" + g_->places_[static_cast<std::size_t>(t.entry)].name + "'";
        });
        if (has_errors(diags_)) return nullptr;
        return std::move(g_);
    }

private:
    // A country reference to check once every actor is known.
    struct CountryReference {
        std::size_t actor;
        YAML::Node node;
    };

    void error(const YAML::Node& node, const std::string& message) {
        YAML::Mark mark = node.Mark();
        diags_.push_back({file_, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0,
                          message, Severity::error});
    }

    AliasSource source_of(const YAML::Node& node) const {
        YAML::Mark mark = node.Mark();
        return {file_, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0};
    }

    std::optional<YAML::Node> parse_file(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            diags_.push_back({path, 0, 0, "cannot read the gazetteer file", Severity::error});
            return std::nullopt;
        }
        std::ostringstream text;
        text << in.rdbuf();
        try {
            return load_yaml_text(text.str());
        } catch (const YAML::Exception& e) {
            diags_.push_back({path, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0,
                              e.msg, Severity::error});
            return std::nullopt;
        }
    }

    void unknown(const YAML::Node& node, const std::string& what, const std::string& word,
                 const std::vector<std::string>& known) {
        std::string hint = closest_match(word, known);
        std::string message = "unknown ";
        message.append(what).append(" '").append(word).append("'");
        if (!hint.empty()) message.append(" (did you mean '").append(hint).append("'?)");
        error(node, message);
    }

    // Reports every key of a mapping that is not allowed; false if there was one.
    bool check_keys(const YAML::Node& map, const std::vector<std::string>& allowed) {
        bool ok = true;
        for (const auto& entry : map) {
            std::string key = entry.first.Scalar();
            if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
            unknown(entry.first, "key", key, allowed);
            ok = false;
        }
        return ok;
    }

    // A required or optional non-empty text field; empty when missing or malformed.
    std::string text_field(const YAML::Node& map, const char* key, bool required) {
        const YAML::Node field = map[key];
        if (!field) {
            if (required) error(map, std::string("missing '").append(key).append("'"));
            return {};
        }
        if (!field.IsScalar() || tidy_alias(field.Scalar()).empty()) {
            error(field, std::string("'").append(key).append("' must be a non-empty text"));
            return {};
        }
        return tidy_alias(field.Scalar());
    }

    // The scalars under `key`: one text or a list of texts.
    std::vector<YAML::Node> text_list(const YAML::Node& map, const char* key) {
        std::vector<YAML::Node> items;
        const YAML::Node field = map[key];
        if (!field) return items;
        if (field.IsScalar()) {
            items.push_back(field);
        } else if (field.IsSequence()) {
            for (const auto& item : field) {
                if (item.IsScalar() && !tidy_alias(item.Scalar()).empty()) items.push_back(item);
                else error(item, std::string("each of '").append(key).append("' must be a non-empty text"));
            }
        } else {
            error(field, std::string("'").append(key).append("' must be a text or a list of texts"));
        }
        return items;
    }

    std::string kind_field(const YAML::Node& map, const std::vector<std::string>& kinds) {
        std::string kind = text_field(map, "kind", true);
        if (kind.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) return kind;
        unknown(map["kind"], "kind", kind, kinds);
        return {};
    }

    bool expect_list_of_maps(const YAML::Node& list, const std::string& what) {
        if (list.IsSequence()) return true;
        error(list, "'" + what + "' must be a list of entries");
        return false;
    }

    void read_actors(const YAML::Node& list) {
        actors_file_ = file_;
        if (!expect_list_of_maps(list, "actors")) return;
        for (const auto& item : list) {
            if (!item.IsMap()) {
                error(item, "an actor is a mapping with 'name', 'kind', 'country' and 'aliases'");
                continue;
            }
            check_keys(item, {"name", "kind", "country", "aliases"});
            Actor actor{text_field(item, "name", true), kind_field(item, kActorKinds), {}};
            if (actor.name.empty()) continue;
            if (auto [it, fresh] = actor_lines_.emplace(actor.name, source_of(item["name"]).line); !fresh) {
                error(item["name"], "duplicate actor '" + actor.name + "' (first defined at line " +
                                        std::to_string(it->second) + ")");
                continue;
            }
            auto index = static_cast<int>(g_->actors_.size());
            if (item["country"]) {
                if (actor.kind == "country") error(item["country"], "a country does not belong to a country");
                else country_references_.push_back({static_cast<std::size_t>(index), item["country"]});
            }
            add_alias(*g_->actor_aliases_, actor.name, {index, false}, item["name"]);
            for (const auto& alias : text_list(item, "aliases"))
                add_alias(*g_->actor_aliases_, alias.Scalar(), {index, false}, alias);
            actor_index_.emplace(actor.name, index);
            g_->actors_.push_back(std::move(actor));
        }
    }

    void add_alias(AliasMatcher& matcher, const std::string& text, AliasMatcher::Target target, const YAML::Node& node) {
        std::string alias = tidy_alias(text);
        if (!alias.empty()) matcher.add(alias, target, source_of(node));
    }

    // The index of the country actor a node names; reports it if it is not one.
    std::optional<int> country_actor(const YAML::Node& node) {
        if (!node.IsScalar() || tidy_alias(node.Scalar()).empty()) {
            error(node, "'country' must be the name of a country actor");
            return std::nullopt;
        }
        std::string name = tidy_alias(node.Scalar());
        auto it = actor_index_.find(name);
        if (it == actor_index_.end()) {
            // Without actors.yaml (already reported) every country would be unknown.
            if (actors_read_) unknown(node, "country", name, country_names());
            return std::nullopt;
        }
        const Actor& found = g_->actors_[static_cast<std::size_t>(it->second)];
        if (found.kind != "country") {
            error(node, "'" + name + "' is a " + found.kind + ", not a country actor");
            return std::nullopt;
        }
        return it->second;
    }

    std::vector<std::string> country_names() const {
        std::vector<std::string> names;
        for (const auto& a : g_->actors_)
            if (a.kind == "country") names.push_back(a.name);
        return names;
    }

    std::vector<std::string> actor_names() const {
        std::vector<std::string> names;
        for (const auto& a : g_->actors_) names.push_back(a.name);
        return names;
    }

    void resolve_actor_countries() {
        for (const auto& ref : country_references_)
            if (auto country = country_actor(ref.node))
                g_->actors_[ref.actor].country = g_->actors_[static_cast<std::size_t>(*country)].name;
    }

    void read_roles(const YAML::Node& list) {
        if (!expect_list_of_maps(list, "roles")) return;
        for (const auto& item : list) {
            if (!item.IsMap()) {
                error(item, "a role is a mapping with 'title' and 'holders'");
                continue;
            }
            check_keys(item, {"title", "holders"});
            auto index = static_cast<int>(g_->roles_.size());
            Role role;
            for (const auto& title : text_list(item, "title")) {
                role.titles.push_back(tidy_alias(title.Scalar()));
                add_alias(*g_->actor_aliases_, title.Scalar(), {index, true}, title);
            }
            if (role.titles.empty()) {
                error(item, "missing 'title'");
                continue;
            }
            read_holders(item, role);
            g_->roles_.push_back(std::move(role));
        }
    }

    void read_holders(const YAML::Node& role_node, Role& role) {
        const YAML::Node list = role_node["holders"];
        if (!list || !list.IsSequence() || list.size() == 0) {
            error(list ? list : role_node, "a role needs a list of 'holders'");
            return;
        }
        std::vector<YAML::Node> nodes;
        for (const auto& item : list) {
            if (!item.IsMap()) {
                error(item, "a holder is a mapping with 'name' and optional 'from' and 'until'");
                continue;
            }
            if (auto holder = read_holder(item)) {
                role.holders.push_back(*holder);
                nodes.push_back(item);
            }
        }
        check_terms_do_not_overlap(role, nodes);
    }

    std::optional<RoleHolder> read_holder(const YAML::Node& item) {
        check_keys(item, {"name", "from", "until"});
        std::string name = text_field(item, "name", true);
        if (name.empty()) return std::nullopt;
        auto it = actor_index_.find(name);
        if (it == actor_index_.end()) {
            error(item["name"], "role holder '" + name + "' is not a defined actor" + did_you_mean(name, actor_names()));
            return std::nullopt;
        }
        RoleHolder holder{it->second, day_field(item, "from"), day_field(item, "until")};
        if (holder.from && holder.until && *holder.until < *holder.from) {
            error(item["until"], std::string("'until' ").append(iso(*holder.until)).append(" is before 'from' ").append(iso(*holder.from)));
            return std::nullopt;
        }
        return holder;
    }

    static std::string did_you_mean(const std::string& word, const std::vector<std::string>& known) {
        std::string hint = closest_match(word, known);
        return hint.empty() ? std::string() : std::string(" (did you mean '").append(hint).append("'?)");
    }

    std::optional<date::sys_days> day_field(const YAML::Node& map, const char* key) {
        const YAML::Node field = map[key];
        if (!field) return std::nullopt;
        std::optional<date::sys_days> day = field.IsScalar() ? parse_day(field.Scalar()) : std::nullopt;
        if (!day) error(field, std::string("'").append(key).append("' must be a calendar day written YYYY-MM-DD"));
        return day;
    }

    // Terms may touch on a handover day (one's `until` is the next one's `from`) but not overlap.
    void check_terms_do_not_overlap(const Role& role, const std::vector<YAML::Node>& nodes) {
        std::vector<std::size_t> order(role.holders.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        auto start = [&](std::size_t i) { return role.holders[i].from.value_or(date::sys_days::min()); };
        auto stop = [&](std::size_t i) { return role.holders[i].until.value_or(date::sys_days::max()); };
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return start(a) < start(b); });
        for (std::size_t k = 1; k < order.size(); ++k) {
            std::size_t before = order[k - 1], current = order[k];
            if (stop(before) <= start(current)) continue;
            const std::string& earlier = g_->actors_[static_cast<std::size_t>(role.holders[before].actor)].name;
            const std::string& later = g_->actors_[static_cast<std::size_t>(role.holders[current].actor)].name;
            error(nodes[current], "the term of '" + later + "' as '" + role.titles.front() + "' overlaps the term of '" +
                                      earlier + "'" + (role.holders[before].until ? std::string(" (until ").append(iso(stop(before))).append(")") : " (no 'until')"));
        }
    }

    void read_places(const YAML::Node& list) {
        places_file_ = file_;
        if (!expect_list_of_maps(list, "places")) return;
        std::unordered_map<std::string, int> lines;
        for (const auto& item : list) {
            if (!item.IsMap()) {
                error(item, "a place is a mapping with 'name', 'kind', 'country' and 'aliases'");
                continue;
            }
            check_keys(item, {"name", "kind", "country", "aliases"});
            Place place{text_field(item, "name", true), kind_field(item, kPlaceKinds), {}};
            if (place.name.empty()) continue;
            if (auto [it, fresh] = lines.emplace(place.name, source_of(item["name"]).line); !fresh) {
                error(item["name"], "duplicate place '" + place.name + "' (first defined at line " +
                                        std::to_string(it->second) + ")");
                continue;
            }
            if (!item["country"]) error(item, "missing 'country'");
            else if (auto country = country_actor(item["country"]))
                place.country = g_->actors_[static_cast<std::size_t>(*country)].name;
            auto index = static_cast<int>(g_->places_.size());
            add_alias(*g_->place_aliases_, place.name, {index, false}, item["name"]);
            for (const auto& alias : text_list(item, "aliases"))
                add_alias(*g_->place_aliases_, alias.Scalar(), {index, false}, alias);
            g_->places_.push_back(std::move(place));
        }
    }

    void compile(AliasMatcher& matcher, const std::string& file,
                 const std::function<std::string(AliasMatcher::Target)>& describe) {
        std::string problem = matcher.compile();
        if (!problem.empty()) {
            diags_.push_back({file, 0, 0, "cannot compile the aliases: " + problem, Severity::error});
            return;
        }
        matcher.report_conflicts(describe, diags_);
    }

    std::unique_ptr<Gazetteer> g_;
    Diagnostics& diags_;
    std::string file_;
    std::string actors_file_;
    std::string places_file_;
    std::unordered_map<std::string, int> actor_index_;
    std::unordered_map<std::string, int> actor_lines_;
    std::vector<CountryReference> country_references_;
    bool actors_read_ = false;  // actors.yaml was read, so its countries are known
};

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;

GazetteerLoad Gazetteer::load(const std::string& rules_dir) {
    GazetteerLoad result;
    GazetteerBuilder builder(result.diagnostics);
    builder.read_actors_file(rules_dir + "/actors.yaml");
    builder.read_places_file(rules_dir + "/places.yaml");
    result.gazetteer = builder.finish();
    return result;
}

std::vector<GazetteerHit> Gazetteer::find_actors(std::string_view text) const { return actor_aliases_->find(text); }

std::vector<GazetteerHit> Gazetteer::find_places(std::string_view text) const { return place_aliases_->find(text); }

std::optional<int> Gazetteer::role_holder(int role, date::sys_days on) const {
    std::optional<int> holder;
    std::optional<date::sys_days> holder_from;
    for (const RoleHolder& term : roles_.at(static_cast<std::size_t>(role)).holders) {
        bool held = (!term.from || *term.from <= on) && (!term.until || on <= *term.until);
        // On a handover day two terms touch; the incoming holder (the later start) has the title.
        if (held && (!holder || (term.from && (!holder_from || *holder_from < *term.from)))) {
            holder = term.actor;
            holder_from = term.from;
        }
    }
    return holder;
}

std::optional<Actor> Gazetteer::actor(const GazetteerHit& hit, std::optional<date::sys_days> on) const {
    if (!hit.is_role) return actors_.at(static_cast<std::size_t>(hit.entry));
    if (!on) return std::nullopt;
    std::optional<int> holder = role_holder(hit.entry, *on);
    if (!holder) return std::nullopt;
    return actors_.at(static_cast<std::size_t>(*holder));
}

const Place& Gazetteer::place(const GazetteerHit& hit) const { return places_.at(static_cast<std::size_t>(hit.entry)); }

const Actor* Gazetteer::find_actor(std::string_view canonical_name) const {
    auto it = std::find_if(actors_.begin(), actors_.end(), [&](const Actor& a) { return a.name == canonical_name; });
    return it == actors_.end() ? nullptr : &*it;
}

const Place* Gazetteer::find_place(std::string_view canonical_name) const {
    auto it = std::find_if(places_.begin(), places_.end(), [&](const Place& p) { return p.name == canonical_name; });
    return it == places_.end() ? nullptr : &*it;
}

}  // namespace linimasa
