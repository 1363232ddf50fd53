#include "gazetteer/gazetteer.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "util/yaml_reading.h"

namespace linimasa {

namespace {

const std::vector<std::string> kActorKinds = {"person", "country", "organization", "media"};
const std::vector<std::string> kPlaceKinds = {"site", "city", "region", "country"};

// Words of an alias may be separated by a short run of blanks, a no-break space or a line break.
constexpr const char* kBlank = "(?:[ \\t\\r\\n]|\\x{A0}){1,4}";
// What may stand on either side of a hit: anything but a letter, digit or combining mark.
constexpr const char* kNotWordChar = "[^\\p{L}\\p{N}\\p{M}]";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

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

// A word written in capitals only (AS, RI, PBB, G20) is an acronym: "as" and "ri" are words.
bool is_acronym(std::string_view word) {
    bool has_capital = false;
    for (char c : word) {
        if (c >= 'a' && c <= 'z') return false;
        if (static_cast<unsigned char>(c) >= 0x80) return false;  // a non-ASCII letter may be lowercase
        has_capital = has_capital || (c >= 'A' && c <= 'Z');
    }
    return has_capital;
}

// Letters and digits of a word, counting a multi-byte UTF-8 character once.
std::size_t letter_count(std::string_view word) {
    std::size_t count = 0;
    for (char c : word) {
        auto byte = static_cast<unsigned char>(c);
        bool ascii_word = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9');
        count += ascii_word || byte >= 0xC0;
    }
    return count;
}

// Acronyms, and aliases that are a single word of one or two letters (Xi, Ri), must match
// exactly as written: in any case they collide with ordinary words and numerals (as, ri,
// kelas XI). Inside a longer alias a short word is safe in any case (`Kim Jong un`).
bool needs_exact_case(std::string_view word, bool whole_alias) {
    return is_acronym(word) || (whole_alias && letter_count(word) <= 2);
}

// One word of an alias as a pattern: literal, with ' matching the typographic apostrophes too.
std::string word_pattern(std::string_view word, bool whole_alias) {
    std::string out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= word.size(); ++i) {
        if (i < word.size() && word[i] != '\'') continue;
        out += RE2::QuoteMeta(re2::StringPiece(word.data() + start, i - start));
        if (i < word.size()) out += "(?:'|\\x{2019}|\\x{2018})";
        start = i + 1;
    }
    return needs_exact_case(word, whole_alias) ? out : std::string("(?i:").append(out).append(")");
}

// A tidy alias as a pattern: each word by word_pattern, blanks between them.
std::string alias_pattern(const std::string& alias) {
    std::string out;
    std::size_t start = 0;
    while (start <= alias.size()) {
        std::size_t space = alias.find(' ', start);
        if (space == std::string::npos) space = alias.size();
        if (!out.empty()) out += kBlank;
        out += word_pattern(std::string_view(alias).substr(start, space - start), alias.find(' ') == std::string::npos);
        start = space + 1;
    }
    return out;
}

RE2::Options matcher_options() {
    RE2::Options options;
    options.set_longest_match(true);
    options.set_log_errors(false);
    options.set_max_mem(256 << 20);  // thousands of case-folded aliases make a large DFA
    return options;
}

// Where an alias was written, for diagnostics.
struct AliasSource {
    std::string file;
    int line = 0;
    int column = 0;
};

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

// One UTF-8 code point of a text: its value and its length in bytes (0 when the bytes are not
// well-formed UTF-8).
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;
};

// The code point that starts at byte `at` (at < text.size()).
CodePoint code_point_at(std::string_view text, std::size_t at) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || at + length > text.size()) return {};
    char32_t value = lead & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(at + k) & 0xC0) != 0x80) return {};
        value = (value << 6) | (byte(at + k) & 0x3F);
    }
    return {value, length};
}

// The code point that ends at byte `end` (0 < end <= text.size()).
CodePoint code_point_before(std::string_view text, std::size_t end) {
    std::size_t begin = end - 1;
    while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
    CodePoint cp = code_point_at(text, begin);
    return begin + cp.length == end ? cp : CodePoint{};
}

bool is_ascii_alnum(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// True for code points known to be neither letters, digits nor marks (so outside kNotWordChar's
// complement): ASCII other than letters and digits, the Latin-1 controls, punctuation and symbols,
// × and ÷, General Punctuation (quotes, dashes, spaces) and CJK punctuation. False for every
// other code point, including some that are not word characters either: those are left to RE2.
bool known_not_word(char32_t c) {
    if (c < 0x80) return !is_ascii_alnum(c);
    if (c < 0xC0) return c != 0xAA && c != 0xB2 && c != 0xB3 && c != 0xB5 && c != 0xB9 && c != 0xBA && (c < 0xBC || c > 0xBE);
    return c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x3003);
}

// Non-ASCII code points that RE2's case folding relates to ASCII letters (K: Kelvin sign, ſ long
// s), and the dotted/dotless i and the single quotes, which a text may write for an alias's
// ASCII: an alias containing one is identified by RE2 only (see AliasMatcher::shape).
bool folds_to_ascii(char32_t c) { return c == 0x212A || c == 0x17F || c == 0x130 || c == 0x131 || c == 0x2018 || c == 0x2019; }

}  // namespace

// The aliases of one gazetteer.
//
// Finding: one leftmost-longest RE2 over all aliases, with ASCII boundary classes
// `(?:^|[^A-Za-z0-9])` and `(?:[^A-Za-z0-9]|$)` instead of the exact `[^\p{L}\p{N}\p{M}]`:
// Unicode classes make RE2 compile and run a much larger automaton. The ASCII classes accept
// every boundary the exact ones do, and more (a non-ASCII letter); so when the boundary
// characters of a match are known non-word characters, the match is exactly the one the exact
// pattern gives, and otherwise (a non-ASCII letter or mark next to an alias, practically never)
// the exact pattern — compiled on first use — answers that one search. Only the whole match is
// asked for (no capture groups, which make RE2 run a slow submatch engine over the whole
// alternation): the alias is the match without its boundary characters.
//
// Identifying: which alias a found span is, the first in file order that matches it exactly.
// A span of ASCII (plus no-break spaces and typographic quotes) is looked up by its folded
// shape in a hash map, and checked for the words that must match in exact case; any other span
// goes to an anchored RE2::Set of all aliases.
class AliasMatcher {
public:
    struct Target {
        int entry = 0;
        bool is_role = false;
        bool operator==(const Target&) const = default;
    };

    // Adds an alias (already tidy) of an entry; an entry may list the same alias twice.
    void add(const std::string& alias, Target target, AliasSource source) {
        if (!added_.insert({alias, target.entry, target.is_role}).second) return;
        aliases_.push_back(alias);
        targets_.push_back(target);
        sources_.push_back(std::move(source));
    }

    // Compiles the aliases; RE2's error text if they cannot be compiled.
    std::string compile() {
        if (aliases_.empty()) return {};
        std::string alternation;
        for (const auto& alias : aliases_) {
            if (!alternation.empty()) alternation += '|';
            alternation += alias_pattern(alias);  // RE2 reports a bad alias (invalid UTF-8) below
        }
        std::string relaxed = std::string("(?:^|[^A-Za-z0-9])(?:").append(alternation).append(")(?:[^A-Za-z0-9]|$)");
        find_ = std::make_unique<RE2>(relaxed, matcher_options());
        if (!find_->ok()) return find_->error();
        exact_pattern_ = std::string("(?:^|").append(kNotWordChar).append(")(").append(alternation);
        exact_pattern_.append(")(?:$|").append(kNotWordChar).append(")");
        index_shapes();
        // Aliases the shape index cannot identify get an RE2::Set now: the non-ASCII ones, or
        // all of them when the index is off. (The set of all aliases, for spans the index cannot
        // take, is compiled on first use: see identify_set().)
        others_ = std::make_unique<RE2::Set>(matcher_options(), RE2::ANCHOR_BOTH);
        for (std::size_t i = 0; i < aliases_.size(); ++i) {
            if (use_keys_ && !shapes_[i].empty()) continue;
            std::string error;
            others_->Add(alias_pattern(aliases_[i]), &error);
            other_aliases_.push_back(static_cast<int>(i));
        }
        if (!others_->Compile()) return "the aliases need more memory than RE2 may use";
        return {};
    }

    // Reports every alias that another entry's alias also matches, once per pair, at the later one.
    void report_conflicts(const std::function<std::string(Target)>& describe, Diagnostics& diagnostics) const {
        if (!find_) return;
        std::set<std::pair<std::size_t, std::size_t>> reported;
        std::vector<int> matches;
        Scratch scratch;
        for (std::size_t i = 0; i < aliases_.size(); ++i) {
            all_matches(aliases_[i], matches, scratch);
            for (int m : matches) {
                auto j = static_cast<std::size_t>(m);
                if (targets_[j] == targets_[i] || !reported.insert({std::min(i, j), std::max(i, j)}).second) continue;
                std::size_t later = std::max(i, j), earlier = std::min(i, j);
                const AliasSource& at = sources_[later];
                const AliasSource& first = sources_[earlier];
                std::string message = "alias '";
                message.append(aliases_[later]).append("' of ").append(describe(targets_[later]));
                message.append(" is also an alias of ").append(describe(targets_[earlier]));
                message.append(" ('").append(aliases_[earlier]).append("' at ").append(first.file);
                message.append(":").append(std::to_string(first.line)).append(")");
                diagnostics.push_back({at.file, at.line, at.column, message, Severity::error});
            }
        }
    }

    // Every alias in `text`, leftmost-longest, non-overlapping, at word boundaries.
    std::vector<GazetteerHit> find(std::string_view text) const {
        std::vector<GazetteerHit> hits;
        if (!find_) return hits;
        re2::StringPiece input(text.data(), text.size());
        re2::StringPiece whole;
        Scratch scratch;
        std::size_t pos = 0;
        // Each search resumes where the last alias ended: the boundary character after it may
        // be the one before the next alias, so the search never rescans what it has matched.
        while (pos < text.size() && find_->Match(input, pos, text.size(), RE2::UNANCHORED, &whole, 1)) {
            auto start = static_cast<std::size_t>(whole.data() - text.data());
            std::optional<Found> found = split(text, start, start + whole.size(), scratch);
            if (!found) found = find_exactly(text, pos, scratch);
            if (!found) break;
            if (found->alias >= 0) {
                const Target& target = targets_[static_cast<std::size_t>(found->alias)];
                hits.push_back({found->begin, found->end, target.entry, target.is_role});
            }
            pos = found->end;
        }
        return hits;
    }

private:
    // An alias span and the alias it is (-1: none, which a match of find_ never gives).
    struct Found {
        std::size_t begin = 0, end = 0;
        int alias = -1;
    };

    // Buffers reused across the hits of one text.
    struct Scratch {
        std::string shape, key;
        std::vector<int> which;
    };

    // What shape() made of a span.
    enum class Shape { ascii, no_alias, other };

    // The span with blank runs as one space and typographic single quotes as ', into `shape`,
    // and the same in lowercase into `key`. no_alias when no alias can match it (a blank at an
    // end, a run of more than four blanks); other when it holds any other non-ASCII character.
    static Shape shape(std::string_view span, std::string& shape, std::string& key) {
        shape.clear();
        key.clear();
        std::size_t run = 0;
        for (std::size_t i = 0; i < span.size(); ++i) {
            char c = span[i];
            bool nbsp = c == '\xC2' && i + 1 < span.size() && span[i + 1] == '\xA0';
            if (is_blank(c) || nbsp) {
                if (i == 0 || ++run > 4) return Shape::no_alias;
                if (run == 1) shape += ' ';
                i += nbsp ? 1 : 0;
                continue;
            }
            run = 0;
            if (c == '\xE2' && i + 2 < span.size() && span[i + 1] == '\x80' && (span[i + 2] == '\x98' || span[i + 2] == '\x99')) {
                shape += '\'';
                i += 2;
                continue;
            }
            if (static_cast<unsigned char>(c) >= 0x80) return Shape::other;
            shape += c;
        }
        if (run > 0) return Shape::no_alias;
        for (char c : shape) key += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        return Shape::ascii;
    }

    // Indexes the aliases by their folded shape, with the words each must match in exact case.
    void index_shapes() {
        std::string alias_shape, key;
        exact_words_.assign(aliases_.size(), {});
        shapes_.assign(aliases_.size(), {});
        for (std::size_t i = 0; i < aliases_.size(); ++i) {
            const std::string& alias = aliases_[i];
            for (std::size_t k = 0; k < alias.size();) {
                CodePoint cp = code_point_at(alias, k);
                if (cp.length == 0 || folds_to_ascii(cp.value)) {
                    by_key_.clear();  // a text might name this alias in ASCII: identify with RE2 only
                    return;
                }
                k += cp.length;
            }
            if (shape(alias, alias_shape, key) != Shape::ascii) continue;  // non-ASCII: in others_
            bool single_word = alias.find(' ') == std::string::npos;
            for (std::size_t start = 0; start <= alias_shape.size();) {
                std::size_t space = std::min(alias_shape.find(' ', start), alias_shape.size());
                if (needs_exact_case(std::string_view(alias).substr(start, space - start), single_word))
                    exact_words_[i].push_back({start, space - start});
                start = space + 1;
            }
            shapes_[i] = alias_shape;
            by_key_[key].push_back(static_cast<int>(i));
        }
        use_keys_ = true;
    }

    // Whether alias `i` matches a span whose shape() is `shape`, given that their keys are equal:
    // the words that must match in exact case do.
    bool exact_words_match(std::size_t i, std::string_view shape) const {
        for (const auto& [at, length] : exact_words_[i])
            if (shape.substr(at, length) != std::string_view(shapes_[i]).substr(at, length)) return false;
        return true;
    }

    // Every alias that matches `span` exactly, in file order (for finding conflicts).
    void all_matches(std::string_view span, std::vector<int>& matches, Scratch& scratch) const {
        matches.clear();
        Shape kind = use_keys_ ? shape(span, scratch.shape, scratch.key) : Shape::other;
        if (kind == Shape::ascii) {
            // An ASCII span can only match ASCII aliases (index_shapes() made sure of that).
            if (auto it = by_key_.find(scratch.key); it != by_key_.end())
                for (int i : it->second)
                    if (exact_words_match(static_cast<std::size_t>(i), scratch.shape)) matches.push_back(i);
        } else if (kind == Shape::other) {
            // Only the aliases in others_ can match a span with other non-ASCII characters.
            scratch.which.clear();
            others_->Match(re2::StringPiece(span.data(), span.size()), &scratch.which);
            for (int k : scratch.which) matches.push_back(other_aliases_[static_cast<std::size_t>(k)]);
            std::sort(matches.begin(), matches.end());
        }
    }

    // The first alias (in file order) that matches `span` exactly, or -1.
    int identify(std::string_view span, Scratch& scratch) const {
        if (use_keys_) {
            Shape kind = shape(span, scratch.shape, scratch.key);
            if (kind == Shape::no_alias) return -1;
            if (kind == Shape::ascii) {
                auto it = by_key_.find(scratch.key);
                if (it == by_key_.end()) return -1;
                for (int i : it->second)
                    if (exact_words_match(static_cast<std::size_t>(i), scratch.shape)) return i;
                return -1;
            }
        }
        // A non-ASCII span may still spell an ASCII alias (K, ſ, ’): ask the set of all aliases.
        scratch.which.clear();
        if (!identify_set().Match(re2::StringPiece(span.data(), span.size()), &scratch.which) || scratch.which.empty()) return -1;
        return *std::min_element(scratch.which.begin(), scratch.which.end());
    }

    // Every alias, anchored at both ends, compiled on first use.
    const RE2::Set& identify_set() const {
        std::call_once(identify_once_, [this] {
            identify_ = std::make_unique<RE2::Set>(matcher_options(), RE2::ANCHOR_BOTH);
            std::string error;
            for (const auto& alias : aliases_) identify_->Add(alias_pattern(alias), &error);
            identify_->Compile();
        });
        return *identify_;
    }

    // The alias inside a match [start, stop) of find_, when the exact pattern would give the same
    // match: one way to split off the boundary characters names an alias, and those characters
    // are known non-word characters. std::nullopt when that is not certain.
    std::optional<Found> split(std::string_view text, std::size_t start, std::size_t stop, Scratch& scratch) const {
        // Where the alias may begin: after the boundary character at `start`, or at the start of
        // the text (`^`); where it may end: before the boundary character that ends the match,
        // or at the end of the text (`$`).
        std::size_t begins[2], ends[2];
        std::size_t begin_count = 0, end_count = 0;
        CodePoint first = code_point_at(text, start);
        if (first.length == 0) return std::nullopt;
        if (start == 0) begins[begin_count++] = 0;
        if (!is_ascii_alnum(first.value)) begins[begin_count++] = start + first.length;
        CodePoint last = code_point_before(text, stop);
        if (last.length == 0) return std::nullopt;
        if (stop == text.size()) ends[end_count++] = stop;
        if (!is_ascii_alnum(last.value)) ends[end_count++] = stop - last.length;
        std::optional<Found> found;
        for (std::size_t b = 0; b < begin_count; ++b) {
            for (std::size_t e = 0; e < end_count; ++e) {
                if (begins[b] >= ends[e]) continue;
                int alias = identify(text.substr(begins[b], ends[e] - begins[b]), scratch);
                if (alias < 0) continue;
                if (found) return std::nullopt;  // two readings: let the exact pattern decide
                found = Found{begins[b], ends[e], alias};
            }
        }
        if (!found) return std::nullopt;
        if (found->begin > 0 && !known_not_word(code_point_before(text, found->begin).value)) return std::nullopt;
        if (found->end < text.size() && !known_not_word(code_point_at(text, found->end).value)) return std::nullopt;
        return found;
    }

    // The next alias from `pos` by the exact pattern, with Unicode word boundaries (slow; for the
    // rare matches that split() cannot vouch for).
    std::optional<Found> find_exactly(std::string_view text, std::size_t pos, Scratch& scratch) const {
        std::call_once(exact_once_, [this] { exact_ = std::make_unique<RE2>(exact_pattern_, matcher_options()); });
        if (!exact_->ok()) return std::nullopt;
        re2::StringPiece input(text.data(), text.size());
        re2::StringPiece groups[2];
        if (!exact_->Match(input, pos, text.size(), RE2::UNANCHORED, groups, 2)) return std::nullopt;
        auto begin = static_cast<std::size_t>(groups[1].data() - text.data());
        return Found{begin, begin + groups[1].size(), identify(text.substr(begin, groups[1].size()), scratch)};
    }

    std::vector<std::string> aliases_;
    std::vector<Target> targets_;
    std::vector<AliasSource> sources_;
    std::set<std::tuple<std::string, int, bool>> added_;
    std::unique_ptr<RE2> find_;          // the relaxed pattern
    std::unique_ptr<RE2::Set> others_;    // the aliases by_key_ does not hold, anchored at both ends
    std::vector<int> other_aliases_;      // others_ index -> alias
    mutable std::once_flag identify_once_;
    mutable std::unique_ptr<RE2::Set> identify_;  // every alias, anchored at both ends; on first use
    std::string exact_pattern_;          // with Unicode boundaries and the alias as group 1
    mutable std::once_flag exact_once_;
    mutable std::unique_ptr<RE2> exact_;  // exact_pattern_, compiled on first use
    bool use_keys_ = false;              // whether by_key_ identifies ASCII spans
    std::unordered_map<std::string, std::vector<int>> by_key_;  // folded shape -> aliases, in file order
    std::vector<std::string> shapes_;                             // by alias: its shape ("" if not ASCII)
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> exact_words_;  // by alias: exact-case words in its shape
};

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
