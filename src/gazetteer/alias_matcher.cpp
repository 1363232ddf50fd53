#include "gazetteer/alias_matcher.h"

#include <algorithm>

namespace linimasa {

namespace {

// Words of an alias may be separated by a short run of blanks, a no-break space or a line break.
constexpr const char* kBlank = "(?:[ \\t\\r\\n]|\\x{A0}){1,4}";
// What may stand on either side of a hit: anything but a letter, digit or combining mark.
constexpr const char* kNotWordChar = "[^\\p{L}\\p{N}\\p{M}]";

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

// An ASCII character in lowercase.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The code point that starts at `at` if it is well-formed UTF-8 in the strict sense (no overlong
// form, surrogate or value past U+10FFFF); length 0 otherwise. Every RE2 reads such a code point
// as one character.
CodePoint well_formed_code_point_at(std::string_view text, std::size_t at) {
    CodePoint cp = code_point_at(text, at);
    bool well_formed = cp.length == 1 || (cp.length == 2 && cp.value >= 0x80) ||
                       (cp.length == 3 && cp.value >= 0x800 && (cp.value < 0xD800 || cp.value > 0xDFFF)) ||
                       (cp.length == 4 && cp.value >= 0x10000 && cp.value <= 0x10FFFF);
    return well_formed ? cp : CodePoint{};
}

// One character of a text as AliasMatcher::shape() writes it: a run of one to four blanks as a
// space, a typographic single quote as ', ASCII as it is.
struct ShapeChar {
    char shape = 0;
    std::size_t length = 0;  // in bytes; 0 for any other character (non-ASCII, or a run of more than four blanks)
};

ShapeChar shape_char_at(std::string_view text, std::size_t at) {
    auto blank_at = [&](std::size_t i) -> std::size_t {
        if (i < text.size() && is_blank(text[i])) return 1;
        return text.substr(i, 2) == "\xC2\xA0" ? 2 : 0;
    };
    auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80 && !is_blank(text[at])) return {text[at], 1};
    if (std::size_t first = blank_at(at); first > 0) {
        std::size_t end = at + first;
        for (int run = 1; run <= 4; ++run) {
            std::size_t next = blank_at(end);
            if (next == 0) return {' ', end - at};
            end += next;
        }
        return {};
    }
    if (text.substr(at, 3) == "\xE2\x80\x98" || text.substr(at, 3) == "\xE2\x80\x99") return {'\'', 3};
    return {};
}

}  // namespace

void AliasMatcher::add(const std::string& alias, Target target, AliasSource source) {
    if (!added_.insert({alias, target.entry, target.is_role}).second) return;
    aliases_.push_back(alias);
    targets_.push_back(target);
    sources_.push_back(std::move(source));
}

std::string AliasMatcher::compile() {
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
    index_keys();
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

void AliasMatcher::report_conflicts(const std::function<std::string(Target)>& describe, Diagnostics& diagnostics) const {
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

std::vector<GazetteerHit> AliasMatcher::find(std::string_view text) const {
    std::vector<GazetteerHit> hits;
    if (!find_) return hits;
    re2::StringPiece whole;
    Scratch scratch;
    MatchStarts starts(text, keys_);
    std::size_t pos = 0;
    // Each search resumes where the last alias ended: the boundary character after it may
    // be the one before the next alias, so the search never rescans what it has matched.
    while (pos < text.size() && next_match(text, pos, starts, whole, scratch)) {
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

// The leftmost-longest match of find_ that begins at or after `pos`, into `whole`: the one an
// unanchored search from `pos` gives, found with the prefilter when there is one.
bool AliasMatcher::next_match(std::string_view text, std::size_t pos, MatchStarts& starts, re2::StringPiece& whole,
                Scratch& scratch) const {
    re2::StringPiece input(text.data(), text.size());
    if (!use_prefilter_) return find_->Match(input, pos, text.size(), RE2::UNANCHORED, &whole, 1);
    while (std::optional<MatchStart> start = starts.next(pos)) {
        std::size_t end = 0;
        Walk walk = walk_trie(text, *start, end, scratch.walk_shape);
        if (walk == Walk::found) {
            whole = re2::StringPiece(text.data() + start->position, end - start->position);
            return true;
        }
        if (walk == Walk::none) continue;
        // With the whole text as context, `^` matches only at its start, as in the unanchored search.
        if (find_->Match(input, start->position, text.size(), RE2::ANCHOR_START, &whole, 1)) return true;
    }
    return false;
}

// The end of the longest match of find_ at `start`, by the trie of the ASCII aliases instead
// of RE2, where that gives the same answer: every alias that may begin there is in the trie,
// the boundary before it is one well-formed character (not `^`), and the text there is ASCII,
// blanks and typographic quotes as far as an alias may go on (other characters, K and ſ
// among them, are left to RE2). The trie holds the aliases' folded shapes; a word that must
// match in exact case is checked where an alias ends, as identify() does. The walk starts
// where the run that gave `start` leads.
AliasMatcher::Walk AliasMatcher::walk_trie(std::string_view text, const MatchStart& start, std::size_t& end, std::string& shape) const {
    if (start.trie_alias == std::string_view::npos || start.position == 0) return Walk::ask_re2;
    if (well_formed_code_point_at(text, start.position).length != start.trie_alias - start.position) return Walk::ask_re2;
    shape.assign(text.substr(start.trie_alias, start.trie_from - start.trie_alias));
    bool found = false;
    std::uint32_t node = start.trie_node;
    std::size_t at = start.trie_from;
    while (true) {
        if (trie_.number(node) >= 0 && some_alias_matches(trie_.number(node), shape)) {
            if (at == text.size()) {
                end = at;  // `$`
                return Walk::found;
            }
            CodePoint after = well_formed_code_point_at(text, at);
            if (after.length == 0) return Walk::ask_re2;
            if (!is_ascii_alnum(after.value)) {
                end = at + after.length;
                found = true;
            }
        }
        if (at == text.size() || !trie_.has_children(node)) break;
        ShapeChar c = shape_char_at(text, at);
        if (c.length == 0) return Walk::ask_re2;
        node = trie_.child(node, ascii_lower(c.shape));
        if (node == ShapeTrie::kNone) break;
        shape += c.shape;
        at += c.length;
    }
    return found ? Walk::found : Walk::none;
}

// Whether one of the aliases whose folded shape ends at a trie node (trie_aliases_[terminal])
// matches a span of that shape in exact case where it must.
bool AliasMatcher::some_alias_matches(int terminal, std::string_view shape) const {
    for (int i : *trie_aliases_[static_cast<std::size_t>(terminal)])
        if (exact_words_match(static_cast<std::size_t>(i), shape)) return true;
    return false;
}

// Keys every alias for the prefilter, or turns the prefilter off if one has no key; puts the
// aliases the shape index holds (the ASCII ones) in the trie.
void AliasMatcher::index_keys() {
    for (std::size_t i = 0; i < aliases_.size(); ++i)
        if (!keys_.add(aliases_[i], use_keys_ && !shapes_[i].empty())) return;
    if (use_keys_) {
        for (const auto& [key, aliases] : by_key_) {
            trie_.add(key, static_cast<int>(trie_aliases_.size()));
            trie_aliases_.push_back(&aliases);
        }
    }
    trie_.freeze();
    keys_.freeze(trie_);
    use_prefilter_ = true;
}

// The span with blank runs as one space and typographic single quotes as ', into `shape`,
// and the same in lowercase into `key`. no_alias when no alias can match it (a blank at an
// end, a run of more than four blanks); other when it holds any other non-ASCII character.
AliasMatcher::Shape AliasMatcher::shape(std::string_view span, std::string& shape, std::string& key) {
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
void AliasMatcher::index_shapes() {
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
bool AliasMatcher::exact_words_match(std::size_t i, std::string_view shape) const {
    for (const auto& [at, length] : exact_words_[i])
        if (shape.substr(at, length) != std::string_view(shapes_[i]).substr(at, length)) return false;
    return true;
}

// Every alias that matches `span` exactly, in file order (for finding conflicts).
void AliasMatcher::all_matches(std::string_view span, std::vector<int>& matches, Scratch& scratch) const {
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
int AliasMatcher::identify(std::string_view span, Scratch& scratch) const {
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
const RE2::Set& AliasMatcher::identify_set() const {
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
std::optional<AliasMatcher::Found> AliasMatcher::split(std::string_view text, std::size_t start, std::size_t stop, Scratch& scratch) const {
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
std::optional<AliasMatcher::Found> AliasMatcher::find_exactly(std::string_view text, std::size_t pos, Scratch& scratch) const {
    std::call_once(exact_once_, [this] { exact_ = std::make_unique<RE2>(exact_pattern_, matcher_options()); });
    if (!exact_->ok()) return std::nullopt;
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece groups[2];
    if (!exact_->Match(input, pos, text.size(), RE2::UNANCHORED, groups, 2)) return std::nullopt;
    auto begin = static_cast<std::size_t>(groups[1].data() - text.data());
    return Found{begin, begin + groups[1].size(), identify(text.substr(begin, groups[1].size()), scratch)};
}

}  // namespace linimasa
