#include "gazetteer/gazetteer.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
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

// ------------------------------------------------------------------ the prefilter of AliasMatcher::find

// A character that may stand in an alias's key (see AliasKeys): an ASCII letter or digit, or
// the Kelvin sign K or the long s ſ, the only non-ASCII characters RE2's case folding matches
// for ASCII letters (for k and s). `folded` is the lowercase ASCII it stands for.
struct KeyChar {
    char folded = 0;
    std::size_t length = 0;  // in bytes; 0 when the character is not a key character
};

// Lowercase ASCII letters and digits by byte, 0 for every other ASCII byte.
constexpr std::array<char, 128> kFoldedAlnum = [] {
    std::array<char, 128> table{};
    for (char c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = c;
    for (char c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = c;
    for (char c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
    return table;
}();

inline bool is_ascii_alnum_byte(char c) {
    auto byte = static_cast<unsigned char>(c);
    return byte < 0x80 && kFoldedAlnum[byte] != 0;
}

// An ASCII character in lowercase.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The key character that starts at byte `at` (at < text.size()), if it is one.
inline KeyChar key_char_at(std::string_view text, std::size_t at) {
    auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) return kFoldedAlnum[byte] != 0 ? KeyChar{kFoldedAlnum[byte], 1} : KeyChar{};
    if (byte == 0xE2 && text.substr(at, 3) == "\xE2\x84\xAA") return {'k', 3};  // U+212A KELVIN SIGN
    if (byte == 0xC5 && text.substr(at, 2) == "\xC5\xBF") return {'s', 2};      // U+017F LATIN SMALL LETTER LONG S
    return {};
}

// Where the run of ASCII letters and digits that starts at `at` ends.
inline std::size_t end_of_ascii_alnum(std::string_view text, std::size_t at) {
    while (at < text.size() && is_ascii_alnum_byte(text[at])) ++at;
    return at;
}

// `count` (1 to 8) bytes of `bytes` from `at` as one little-endian number, each byte ORed with
// 0x20 (which lowercases ASCII letters and leaves lowercase letters and digits as they are).
// Reads eight bytes at once where `bytes` has them.
inline std::uint64_t folded_chunk(std::string_view bytes, std::size_t at, std::size_t count) {
    std::uint64_t chunk = 0;
    if (std::endian::native == std::endian::little && at + 8 <= bytes.size()) {
        std::memcpy(&chunk, bytes.data() + at, 8);
        chunk |= 0x2020202020202020ULL;
        return count == 8 ? chunk : chunk & ((std::uint64_t{1} << (8 * count)) - 1);
    }
    for (std::size_t k = 0; k < count; ++k)
        chunk |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + k]) | 0x20) << (8 * k);
    return chunk;
}

// A key as numbers: its first sixteen folded characters, its length and a hash of all of it.
// Two keys of up to sixteen characters are equal when their chunks are; longer ones are told
// apart by the hash only, which at worst makes the prefilter ask RE2 where no alias begins (and
// the trie is not used for them).
struct FoldedKey {
    std::uint64_t chunks[2] = {0, 0};
    std::size_t length = 0;
    std::uint64_t hash = 0;

    bool operator==(const FoldedKey& other) const {
        return length == other.length && hash == other.hash && chunks[0] == other.chunks[0] && chunks[1] == other.chunks[1];
    }
};

// The key in the first `length` bytes of `bytes`, given as folded key characters or as ASCII
// letters and digits in any case (both give the same key).
inline FoldedKey fold_key(std::string_view bytes, std::size_t length) {
    auto mix = [](std::uint64_t hash, std::uint64_t chunk) {
        hash = (hash ^ chunk) * 0x9E3779B97F4A7C15ULL;
        return hash ^ (hash >> 29);
    };
    FoldedKey key;
    key.length = length;
    if (length <= 8) {  // most words: the loop below, once
        key.chunks[0] = folded_chunk(bytes, 0, length);
        key.hash = mix(length, key.chunks[0]);
        return key;
    }
    std::uint64_t hash = length;
    for (std::size_t at = 0; at < length; at += 8) {
        std::uint64_t chunk = folded_chunk(bytes, at, std::min<std::size_t>(8, length - at));
        if (at < 16) key.chunks[at / 8] = chunk;
        hash = mix(hash, chunk);
    }
    key.hash = hash;
    return key;
}

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

bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where the character that ends at byte `at` (0 < at <= text.size()) begins, if it may be the
// boundary `[^A-Za-z0-9]` of the relaxed pattern: a byte that is no ASCII letter or digit, or
// the last byte before `at` that is no UTF-8 continuation byte, at most four bytes back (RE2
// reads a lead byte and its continuation bytes as one character, even some ill-formed ones such
// as overlong forms, and never starts one at a continuation byte; whether the bytes really are
// such a character is left to RE2). npos when no boundary character can end at `at`.
std::size_t boundary_start(std::string_view text, std::size_t at) {
    if (static_cast<unsigned char>(text[at - 1]) < 0x80) return is_ascii_alnum_byte(text[at - 1]) ? std::string_view::npos : at - 1;
    std::size_t lead = at - 1;
    while (lead > 0 && at - lead < 4 && is_utf8_continuation(text[lead])) --lead;
    return is_utf8_continuation(text[lead]) ? std::string_view::npos : lead;
}

// Words (the folded shapes of the ASCII aliases) in a trie, each word with a number.
class ShapeTrie {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    void add(std::string_view word, int number) {
        if (building_.empty()) building_.emplace_back();
        std::uint32_t node = 0;
        for (char c : word) {
            auto [it, fresh] = building_[node].children.try_emplace(c, static_cast<std::uint32_t>(building_.size()));
            std::uint32_t child = it->second;
            if (fresh) building_.emplace_back();
            node = child;
        }
        building_[node].number = number;
    }

    // Lays the trie out for lookups once every word is added.
    void freeze() {
        if (building_.empty()) building_.emplace_back();  // the root
        nodes_.resize(building_.size());
        for (std::size_t i = 0; i < building_.size(); ++i) {
            nodes_[i] = {static_cast<std::uint32_t>(edges_.size()), static_cast<std::uint32_t>(building_[i].children.size()),
                         building_[i].number};
            for (const auto& [c, child] : building_[i].children) edges_.push_back({c, child});
        }
        building_.clear();
        building_.shrink_to_fit();
    }

    bool has_children(std::uint32_t node) const { return nodes_[node].edge_count > 0; }
    // The number of the word that ends at `node`, or -1.
    int number(std::uint32_t node) const { return nodes_[node].number; }

    // The node after `node` by the character `c`, or kNone.
    std::uint32_t child(std::uint32_t node, char c) const {
        const Node& n = nodes_[node];
        for (std::uint32_t e = n.first_edge; e < n.first_edge + n.edge_count; ++e)
            if (edges_[e].c == c) return edges_[e].child;
        return kNone;
    }

    // The node a prefix of the words leads to, or kNone.
    std::uint32_t find(std::string_view prefix) const {
        std::uint32_t node = 0;
        for (std::size_t i = 0; i < prefix.size() && node != kNone; ++i) node = child(node, prefix[i]);
        return node;
    }

private:
    struct Building {
        std::map<char, std::uint32_t> children;
        int number = -1;
    };
    struct Node {
        std::uint32_t first_edge = 0, edge_count = 0;
        int number = -1;
    };
    struct Edge {
        char c = 0;
        std::uint32_t child = 0;
    };

    std::vector<Building> building_;
    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
};

// Where the aliases of an AliasMatcher may begin, by their keys.
//
// An alias's key is the lowercase of its first run of key characters (KeyChar), found either
// at its start (`Korut` -> korut, `G20` -> g20, `Kim Jong-un` -> kim) or right after its first
// character when that is not a key character (`Élysée Palace` -> lys, after É). Wherever the
// relaxed pattern matches an alias, the text has a run of key characters at the same place
// whose key is the alias's: each key character of the alias matches only key characters that
// fold to the same letter (or itself, in exact case), and the character after the alias's run
// (a blank, an apostrophe, a hyphen, a non-ASCII letter) matches no key character; only where
// the alias ends may the text go on with a K or ſ, which the relaxed boundary
// `[^A-Za-z0-9]` accepts, so the run's prefixes before a K or ſ are keys too.
// An alias whose first two characters are not key characters (`«A»`) has no key.
class AliasKeys {
public:
    // How aliases with a key begin, relative to a run in the text that has the key.
    enum Start : std::uint8_t {
        at_run = 1,                // an alias begins with the run
        one_character_before = 2,  // an alias begins with the character before the run
        not_in_trie = 4,           // an alias that begins with the run is not in AliasMatcher's trie
    };

    // What is known of one key.
    struct Entry {
        FoldedKey key;
        std::uint8_t starts = 0;  // Start bits; 0: an empty slot
        std::uint32_t trie_node = ShapeTrie::kNone;  // where the key leads in the trie
    };

    // Records the key of an alias, and whether AliasMatcher's trie holds it; false if it has no
    // key (the prefilter must then not be used).
    bool add(std::string_view alias, bool in_trie) {
        Start start = at_run;
        std::size_t at = 0;
        if (key_char_at(alias, 0).length == 0) {
            start = one_character_before;
            at = code_point_at(alias, 0).length;
            if (at == 0 || at >= alias.size()) return false;
        }
        std::string key;
        for (KeyChar c; at < alias.size() && (c = key_char_at(alias, at)).length > 0; at += c.length) key += c.folded;
        if (key.empty()) return false;
        adding_.push_back({key, static_cast<std::uint8_t>(start | (start == at_run && !in_trie ? not_in_trie : 0))});
        longest_ = std::max(longest_, key.size());
        return true;
    }

    // Builds the lookup table once every alias is added and the trie is built.
    void freeze(const ShapeTrie& trie) {
        std::size_t capacity = 16;
        while (capacity < 4 * adding_.size()) capacity *= 2;
        table_.assign(capacity, {});
        shift_ = 64 - std::countr_zero(capacity);
        for (const auto& [key, starts] : adding_) {
            FoldedKey folded = fold_key(key, key.size());
            Entry& slot = slot_of(folded);
            slot.key = folded;
            slot.starts |= starts;
            // A key longer than sixteen is told from others by its hash only: leave it to RE2.
            if ((starts & at_run) && key.size() <= 16) slot.trie_node = trie.find(key);
        }
        adding_.clear();
        adding_.shrink_to_fit();
    }

    // The entry of a key, or nullptr if no alias has it.
    const Entry* find(const FoldedKey& key) const {
        for (std::size_t i = index_of(key.hash);; i = (i + 1) & (table_.size() - 1)) {
            if (table_[i].starts == 0) return nullptr;
            if (table_[i].key == key) return &table_[i];
        }
    }

    // The length of the longest key, in key characters: a longer run has no key.
    std::size_t longest() const { return longest_; }

private:
    std::size_t index_of(std::uint64_t hash) const { return static_cast<std::size_t>((hash * 0xD6E8FEB86659FD93ULL) >> shift_); }

    Entry& slot_of(const FoldedKey& key) {
        std::size_t i = index_of(key.hash);
        while (table_[i].starts != 0 && !(table_[i].key == key)) i = (i + 1) & (table_.size() - 1);
        return table_[i];
    }

    std::vector<std::pair<std::string, std::uint8_t>> adding_;  // keys and Start bits, until freeze()
    std::vector<Entry> table_;  // open addressing, at most a quarter full
    int shift_ = 60;
    std::size_t longest_ = 0;
};

// Which bytes of a 64-byte stretch of text (bit i for byte i) are ASCII letters or digits, and
// which are 0xE2 or 0xC5, the first bytes of K and ſ.
struct ByteClasses {
    std::uint64_t alnum = 0;
    std::uint64_t kelvin_or_long_s_lead = 0;
};

// The classes of the 64 bytes from `p`, sixteen at a time where SSE2 is available.
ByteClasses classify_64_bytes(const char* p) {
    ByteClasses classes;
#if defined(__SSE2__)
    for (int part = 0; part < 4; ++part) {
        __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
        // Signed comparisons: bytes from 0x80 up are negative, so neither letters nor digits.
        __m128i lower = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
        __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
        __m128i lead = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xE2))),
                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(0xC5))));
        auto bits = [](__m128i mask) { return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(mask))); };
        classes.alnum |= bits(_mm_or_si128(letter, digit)) << (16 * part);
        classes.kelvin_or_long_s_lead |= bits(lead) << (16 * part);
    }
#else
    for (int i = 0; i < 64; ++i) {
        auto byte = static_cast<unsigned char>(p[i]);
        classes.alnum |= static_cast<std::uint64_t>(is_ascii_alnum_byte(p[i])) << i;
        classes.kelvin_or_long_s_lead |= static_cast<std::uint64_t>(byte == 0xE2 || byte == 0xC5) << i;
    }
#endif
    return classes;
}

// A position where the relaxed pattern may begin a match (the boundary character before an
// alias, or the text's start for `^`).
struct MatchStart {
    std::size_t position = 0;
    // Where the alias begins when every alias that may begin there is in AliasMatcher's trie and
    // the run there is ASCII; npos when only RE2 can tell.
    std::size_t trie_alias = std::string_view::npos;
    std::size_t trie_from = 0;                   // the end of that run
    std::uint32_t trie_node = ShapeTrie::kNone;  // where the run's key leads in the trie
};

// The positions, left to right, where the relaxed pattern may begin a match in a text: one or
// two for each run of key characters that starts a word (the text's start or a byte that is no
// ASCII letter or digit before it) and whose key, or a prefix of it before a K or ſ, is an
// alias's key. A run whose alias would begin with the character before it gives the earlier
// position first. The positions never decrease: a boundary character is one code point, and no
// run starts inside one. The same position is given once; where two runs would give it, the first
// is a run that begins with a K or ſ, which only RE2 tries (so RE2 sees every alias there).
//
// The text is read in stretches of 64 bytes, each classified at once (ByteClasses), so that
// finding where words start and end costs a few bit operations per word.
class MatchStarts {
public:
    MatchStarts(std::string_view text, const AliasKeys& keys) : text_(text), keys_(keys) {}

    // The next position, at or after `from`, that was not given before; nullopt when none is left.
    std::optional<MatchStart> next(std::size_t from) {
        skip_to(from);
        while (true) {
            while (taken_ < count_) {
                MatchStart start = pending_[taken_++];
                if (start.position == std::string_view::npos || start.position < from) continue;
                if (given_any_ && start.position <= last_given_) continue;
                given_any_ = true;
                last_given_ = start.position;
                return start;
            }
            if (!queue_next_run()) return std::nullopt;
        }
    }

private:
    // What the keys of a run say.
    struct RunKeys {
        std::uint8_t starts = 0;                     // AliasKeys::Start bits
        std::size_t end = 0;                         // where the run ends
        std::size_t resume = 0;                      // where the next run may start
        std::uint32_t trie_node = ShapeTrie::kNone;  // where the whole run leads in the trie, if it is ASCII
    };

    // Queues the starts of the next run that has a key; false if none is left.
    bool queue_next_run() {
        while (true) {
            while (runs_ == 0)
                if (!classify_next_stretch()) return false;
            auto bit = static_cast<std::size_t>(std::countr_zero(runs_));
            runs_ &= runs_ - 1;  // no other run starts before keys.resume (see run_keys_with_kelvin_or_long_s)
            std::size_t run = stretch_ + bit;
            RunKeys keys = run_keys(run, bit);
            if (keys.resume >= stretch_ + 64) skip_to(keys.resume);
            if (keys.starts == 0) continue;
            queue_starts(run, keys);
            return true;
        }
    }

    // Forgets the runs before `at`.
    void skip_to(std::size_t at) {
        if (at >= stretch_ + 64) {
            runs_ = 0;
            next_stretch_ = std::max(next_stretch_, at);
        } else if (at > stretch_) {
            runs_ &= ~std::uint64_t{0} << (at - stretch_);
        }
    }

    // Classifies the 64 bytes from next_stretch_ and finds the runs that start there; false at
    // the end of the text.
    bool classify_next_stretch() {
        if (next_stretch_ >= text_.size()) return false;
        stretch_ = next_stretch_;
        next_stretch_ = stretch_ + 64;
        ByteClasses classes;
        if (text_.size() - stretch_ >= 64) {
            classes = classify_64_bytes(text_.data() + stretch_);
        } else {
            char padded[64] = {};  // NUL is neither a letter, a digit nor a lead byte
            std::memcpy(padded, text_.data() + stretch_, text_.size() - stretch_);
            classes = classify_64_bytes(padded);
        }
        alnum_ = classes.alnum;
        bool after_alnum = stretch_ > 0 && is_ascii_alnum_byte(text_[stretch_ - 1]);
        std::uint64_t starts_a_word = ~((alnum_ << 1) | static_cast<std::uint64_t>(after_alnum));
        runs_ = alnum_ & starts_a_word;
        // A K or ſ that starts a word starts a run too (one inside a word continues its run).
        for (std::uint64_t leads = classes.kelvin_or_long_s_lead & starts_a_word; leads != 0; leads &= leads - 1) {
            std::size_t at = stretch_ + static_cast<std::size_t>(std::countr_zero(leads));
            if (key_char_at(text_, at).length > 0) runs_ |= std::uint64_t{1} << (at - stretch_);
        }
        return true;
    }

    // The keys of the run at `run` (bit `bit` of the current stretch), quickly for a run of ASCII
    // letters and digits.
    RunKeys run_keys(std::size_t run, std::size_t bit) const {
        auto alnum_in_stretch = static_cast<std::size_t>(std::countr_one(alnum_ >> bit));
        std::size_t end = bit + alnum_in_stretch < 64 ? run + alnum_in_stretch : end_of_ascii_alnum(text_, stretch_ + 64);
        bool ends_with_a_key_char = end < text_.size() && static_cast<unsigned char>(text_[end]) >= 0x80 &&
                                    key_char_at(text_, end).length > 0;
        if (end == run || ends_with_a_key_char) return run_keys_with_kelvin_or_long_s(run, end);
        if (end - run > keys_.longest()) return {0, end, end};
        const AliasKeys::Entry* entry = keys_.find(fold_key(std::string_view(text_.data() + run, text_.size() - run), end - run));
        if (entry == nullptr) return {0, end, end};
        return {entry->starts, end, end, entry->trie_node};
    }

    // The keys of a run that holds a K or ſ (the first one at `first`): the whole run, and its
    // prefixes before a K or ſ (which the relaxed pattern takes as the boundary after an alias).
    // The next run may start right after that first K or ſ: before it, every byte follows an
    // ASCII letter or digit or is a continuation byte. Only RE2 looks for the aliases here.
    RunKeys run_keys_with_kelvin_or_long_s(std::size_t run, std::size_t first) const {
        RunKeys keys{0, run, first + key_char_at(text_, first).length};
        std::string key;
        for (std::size_t at = run; key.size() <= keys_.longest();) {
            KeyChar c = at < text_.size() ? key_char_at(text_, at) : KeyChar{};
            if (c.length == 0 || (c.length > 1 && !key.empty())) {
                if (const AliasKeys::Entry* entry = keys_.find(fold_key(key, key.size()))) keys.starts |= entry->starts;
            }
            if (c.length == 0) break;
            key += c.folded;
            at += c.length;
        }
        return keys;
    }

    // Where the relaxed pattern would begin a match of an alias that begins at `alias`.
    std::size_t match_start(std::size_t alias) const { return alias == 0 ? 0 : boundary_start(text_, alias); }

    void queue_starts(std::size_t run, const RunKeys& keys) {
        count_ = taken_ = 0;
        if ((keys.starts & AliasKeys::one_character_before) && run > 0) {
            CodePoint before = code_point_before(text_, run);
            if (before.length > 0) pending_[count_++] = {match_start(run - before.length)};
        }
        if (keys.starts & AliasKeys::at_run) {
            MatchStart start{match_start(run)};
            if (!(keys.starts & AliasKeys::not_in_trie) && keys.trie_node != ShapeTrie::kNone) {
                start.trie_alias = run;
                start.trie_from = keys.end;
                start.trie_node = keys.trie_node;
            }
            pending_[count_++] = start;
        }
    }

    std::string_view text_;
    const AliasKeys& keys_;
    std::size_t stretch_ = 0;       // where the stretch classified last begins
    std::size_t next_stretch_ = 0;  // where the next stretch begins
    std::uint64_t alnum_ = 0;       // its ASCII letters and digits
    std::uint64_t runs_ = 0;        // where its runs start, those not yet looked at
    MatchStart pending_[2]{};       // the positions of the last run, in order (npos: none)
    std::size_t count_ = 0, taken_ = 0;
    bool given_any_ = false;
    std::size_t last_given_ = 0;
};

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
// Prefilter: an unanchored search runs the whole alternation's automaton over every byte of the
// text. Instead, MatchStarts lists where a match may begin (before a word of the text whose key
// is an alias's key, see AliasKeys), and find_ is tried anchored at each such position, left to
// right: the first that matches is where the unanchored leftmost-longest search would have
// matched (it finds no match at an earlier position, since every match begins at one of them),
// and anchored at the same position it is the same longest match. Where every alias that may
// begin there is ASCII, a trie of the aliases' folded shapes gives that longest match without
// RE2 (walk_trie), which spares RE2's cost per search (some hundreds of instructions) at most
// hits; the trie leaves anything else (K, ſ, other non-ASCII text, ill-formed UTF-8, `^`) to RE2.
// Each try stops where no alias can go on, so the search stays linear. A gazetteer with an alias
// that has no key (its first two characters are not letters or digits) is searched unanchored,
// as without the prefilter. What is found then goes through split() and identify() as before.
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

private:
    // An alias span and the alias it is (-1: none, which a match of find_ never gives).
    struct Found {
        std::size_t begin = 0, end = 0;
        int alias = -1;
    };

    // Buffers reused across the hits of one text.
    struct Scratch {
        std::string shape, key;
        std::string walk_shape;  // for walk_trie()
        std::vector<int> which;
    };

    // The leftmost-longest match of find_ that begins at or after `pos`, into `whole`: the one an
    // unanchored search from `pos` gives, found with the prefilter when there is one.
    bool next_match(std::string_view text, std::size_t pos, MatchStarts& starts, re2::StringPiece& whole,
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

    // What walk_trie() found.
    enum class Walk { found, none, ask_re2 };

    // The end of the longest match of find_ at `start`, by the trie of the ASCII aliases instead
    // of RE2, where that gives the same answer: every alias that may begin there is in the trie,
    // the boundary before it is one well-formed character (not `^`), and the text there is ASCII,
    // blanks and typographic quotes as far as an alias may go on (other characters, K and ſ
    // among them, are left to RE2). The trie holds the aliases' folded shapes; a word that must
    // match in exact case is checked where an alias ends, as identify() does. The walk starts
    // where the run that gave `start` leads.
    Walk walk_trie(std::string_view text, const MatchStart& start, std::size_t& end, std::string& shape) const {
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
    bool some_alias_matches(int terminal, std::string_view shape) const {
        for (int i : *trie_aliases_[static_cast<std::size_t>(terminal)])
            if (exact_words_match(static_cast<std::size_t>(i), shape)) return true;
        return false;
    }

    // Keys every alias for the prefilter, or turns the prefilter off if one has no key; puts the
    // aliases the shape index holds (the ASCII ones) in the trie.
    void index_keys() {
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
    AliasKeys keys_;                     // where aliases may begin, for find()'s prefilter
    bool use_prefilter_ = false;         // whether every alias has a key in keys_
    ShapeTrie trie_;                     // the folded shapes of by_key_, for walk_trie()
    std::vector<const std::vector<int>*> trie_aliases_;  // by trie word number: its aliases in by_key_
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
