// The word scanning behind AliasMatcher::find (see alias_matcher.h): where in a text an alias
// may begin, found without RE2.
//
// Every alias has a key, the lowercase of its first run of key characters (KeyChar: ASCII
// letters and digits, and K and ſ, which RE2's case folding matches for k and s); AliasKeys
// holds the keys of a gazetteer's aliases in a hash table of FoldedKeys. MatchStarts reads a
// text 64 bytes at a time (classify_64_bytes, with SSE2 where available), finds the runs of key
// characters that start a word, and gives, left to right, the positions where a run's key is an
// alias's key: the only positions where the matcher's leftmost-longest RE2 may begin a match.
// ShapeTrie holds the folded shapes of the ASCII aliases, so that the matcher can find the
// longest alias at such a position without RE2; MatchStarts says where a run leads in it.
//
// Also here: UTF-8 code points (CodePoint), used by the scanner and the matcher alike.
//
// MatchStarts and what it calls are defined here, inline, because they run for every word of
// every text: defined out of line in alias_scan.cpp, extract ran 1% more instructions.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace linimasa {

// One UTF-8 code point of a text: its value and its length in bytes (0 when the bytes are not
// well-formed UTF-8).
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;
};

// The code point that starts at byte `at` (at < text.size()).
inline CodePoint code_point_at(std::string_view text, std::size_t at) {
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
inline CodePoint code_point_before(std::string_view text, std::size_t end) {
    std::size_t begin = end - 1;
    while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
    CodePoint cp = code_point_at(text, begin);
    return begin + cp.length == end ? cp : CodePoint{};
}

// A character that may stand in an alias's key (see AliasKeys): an ASCII letter or digit, or
// the Kelvin sign K or the long s ſ, the only non-ASCII characters RE2's case folding matches
// for ASCII letters (for k and s). `folded` is the lowercase ASCII it stands for.
struct KeyChar {
    char folded = 0;
    std::size_t length = 0;  // in bytes; 0 when the character is not a key character
};

// Lowercase ASCII letters and digits by byte, 0 for every other ASCII byte.
inline constexpr std::array<char, 128> kFoldedAlnum = [] {
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

// Words (the folded shapes of the ASCII aliases) in a trie, each word with a number.
class ShapeTrie {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    void add(std::string_view word, int number);

    // Lays the trie out for lookups once every word is added.
    void freeze();

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
    bool add(std::string_view alias, bool in_trie);

    // Builds the lookup table once every alias is added and the trie is built.
    void freeze(const ShapeTrie& trie);

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

    Entry& slot_of(const FoldedKey& key);

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
inline ByteClasses classify_64_bytes(const char* p) {
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

inline bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where the character that ends at byte `at` (0 < at <= text.size()) begins, if it may be the
// boundary `[^A-Za-z0-9]` of the relaxed pattern: a byte that is no ASCII letter or digit, or
// the last byte before `at` that is no UTF-8 continuation byte, at most four bytes back (RE2
// reads a lead byte and its continuation bytes as one character, even some ill-formed ones such
// as overlong forms, and never starts one at a continuation byte; whether the bytes really are
// such a character is left to RE2). npos when no boundary character can end at `at`.
inline std::size_t boundary_start(std::string_view text, std::size_t at) {
    if (static_cast<unsigned char>(text[at - 1]) < 0x80) return is_ascii_alnum_byte(text[at - 1]) ? std::string_view::npos : at - 1;
    std::size_t lead = at - 1;
    while (lead > 0 && at - lead < 4 && is_utf8_continuation(text[lead])) --lead;
    return is_utf8_continuation(text[lead]) ? std::string_view::npos : lead;
}

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

}  // namespace linimasa
