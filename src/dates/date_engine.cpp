#include "dates/date_engine.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "dates/interpreter.h"
#include "dates/resolver.h"

namespace linimasa {

namespace {

// ASCII letters (what std::isalpha accepts below 0x80 in every locale, without its
// per-call locale lookup) and every byte of a multi-byte UTF-8 character.
bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// The helpers below return normalised words as views into a caller's scratch buffer, so
// that the per-mention context checks allocate nothing; a view is valid until the next
// call that writes the same buffer.

// The word that ends just before `pos` (skipping spaces), lowercased; "" at a line start.
std::string_view previous_word(std::string_view text, std::size_t pos, std::string& buffer) {
    std::size_t i = pos;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    std::size_t end = i;
    while (i > 0 && (is_letter(text[i - 1]) || is_digit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '$'))
        --i;
    return normalize_phrase_into(text.substr(i, end - i), buffer);
}

// The raw word that starts just after `pos` (skipping spaces).
std::string_view next_raw_word(std::string_view text, std::size_t pos) {
    std::size_t i = pos;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t begin = i;
    while (i < text.size() && (is_letter(text[i]) || text[i] == '%')) ++i;
    return text.substr(begin, i - begin);
}

// The word that starts just after `pos` (skipping spaces), lowercased.
std::string_view next_word(std::string_view text, std::size_t pos, std::string& buffer) {
    return normalize_phrase_into(next_raw_word(text, pos), buffer);
}

bool sentence_initial(std::string_view text, std::size_t pos) {
    std::size_t i = pos;
    while (i > 0) {
        unsigned char c = text[i - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '\'') {
            --i;
            continue;
        }
        if (c == 0x9C && i >= 3) {  // “ (E2 80 9C)
            i -= 3;
            continue;
        }
        return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ':' || c == '-';
    }
    return true;
}

// The tense cue that governs a time at `pos`: the nearest future cue earlier in the
// sentence (Rencananya, jenazah dimakamkan Minggu) or past cue earlier in the same clause
// (telah ... pada Senin); a past cue beyond a comma is usually another clause's verb.
//
// One backward pass from `pos`, at most 200 bytes, stopping at the sentence's start: the
// words are the runs of letters met on the way (clipped at the window's edge), and the
// last cue in text order that counts is the first one met. A past cue counts only before
// the pass crosses a `,` or `;` (one at the very edge of the window does not count).
template <class Cues>
TenseCue tense_cue(std::string_view text, std::size_t pos, const Cues& cues, std::string& buffer) {
    constexpr std::size_t kWindow = 200;
    const std::size_t limit = pos > kWindow ? pos - kWindow : 0;
    bool same_clause = true;
    std::size_t i = pos;
    while (i > limit) {
        char c = text[i - 1];
        if (c == '.' || c == '!' || c == '?' || c == '\n') break;
        // a quotation mark: the words beyond it are someone's quoted speech (or the frame
        // around the quote), whose tense is not the time's ("Iran akan membayarnya," kata
        // Netanyahu dalam rapat Selasa malam)
        if (c == '"') break;
        if (i >= 3 && static_cast<unsigned char>(text[i - 3]) == 0xE2 && static_cast<unsigned char>(text[i - 2]) == 0x80 &&
            (static_cast<unsigned char>(c) == 0x9C || static_cast<unsigned char>(c) == 0x9D))  // “ ”
            break;
        if (!is_letter(c)) {
            if ((c == ',' || c == ';') && i - 1 > limit) same_clause = false;
            --i;
            continue;
        }
        std::size_t e = i;
        while (i > limit && is_letter(text[i - 1])) --i;
        TenseCue cue = cues.find(text.substr(i, e - i), buffer);
        if (cue == TenseCue::future) return TenseCue::future;
        if (cue == TenseCue::past && same_clause) return TenseCue::past;
    }
    return TenseCue::none;
}

// True if one of the `n` words before `pos` is in `set` (words of letters and digits,
// separated by spaces only; the search stops at anything else).
bool previous_words_include(std::string_view text, std::size_t pos, int n, const WordSet& set, std::string& buffer) {
    std::size_t i = pos;
    for (int seen = 0; seen < n && i > 0; ++seen) {
        while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
        std::size_t end = i;
        while (i > 0 && (is_letter(text[i - 1]) || is_digit(text[i - 1]))) --i;
        if (i == end) break;
        if (set.count(normalize_phrase_into(text.substr(i, end - i), buffer))) return true;
    }
    return false;
}

// True if a `names` word comes before `pos` with only capitalised words (DK, PBB, Dewan,
// Keamanan) or `bridges` words (nomor) between, at most `n` words back: Resolusi DK PBB 1701.
bool contains_folded(std::string_view haystack, std::string_view lowercase_needle) {
    auto same = [](char a, char b) { return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b; };
    return std::search(haystack.begin(), haystack.end(), lowercase_needle.begin(), lowercase_needle.end(), same) !=
           haystack.end();
}

bool named_reference_before(std::string_view text, std::size_t pos, int n, const WordSet& names,
                            const WordSet& bridges, std::string& buffer) {
    std::size_t i = pos;
    for (int seen = 0; seen < n && i > 0; ++seen) {
        while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
        std::size_t end = i;
        while (i > 0 && (is_letter(text[i - 1]) || is_digit(text[i - 1]) || text[i - 1] == '.')) --i;
        if (i == end) return false;
        std::string_view raw = text.substr(i, end - i);
        unsigned char c = static_cast<unsigned char>(text[i]);
        // a lowercase ASCII word is its own normal form: most words end the search here
        bool plain = std::all_of(raw.begin(), raw.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
        std::string_view w = plain ? raw : normalize_phrase_into(raw, buffer);
        if (names.count(w)) return true;
        if (!(c >= 'A' && c <= 'Z') && !bridges.count(w)) return false;
    }
    return false;
}

// What a header line holds besides its date at [date_begin, date_end).
struct HeaderLine {
    int words = 0;             // prose words: not labels (Diperbarui, WIB), not domains (Kompas.com)
    bool updated = false;      // an "updated" label (Diperbarui, Updated)
    bool clock_after = false;  // a clock time after the date (20/11/2024, 14:30 WIB)
};

bool is_clock_at(std::string_view s, std::size_t i) {
    std::size_t d = 0;
    while (i + d < s.size() && is_digit(s[i + d])) ++d;
    return (d == 1 || d == 2) && i + d + 2 < s.size() && (s[i + d] == ':' || s[i + d] == '.') &&
           is_digit(s[i + d + 1]) && is_digit(s[i + d + 2]) && (i + d + 3 >= s.size() || !is_digit(s[i + d + 3]));
}

HeaderLine header_line(std::string_view line, std::size_t date_begin, std::size_t date_end, const WordMap<std::string>& labels,
                       std::string& buffer) {
    HeaderLine h;
    std::string previous;  // the previous word, normalised, for two-word labels (last updated)
    std::size_t i = 0;
    while (i < line.size()) {
        if (i >= date_begin && i < date_end) {
            i = date_end;
            previous.clear();
            continue;
        }
        if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
            ++i;
            continue;
        }
        std::size_t b = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && !(i >= date_begin && i < date_end))
            ++i;
        std::string_view token = line.substr(b, i - b);
        if (b > date_begin && is_clock_at(line, b)) h.clock_after = true;
        // a domain: letters, a dot, co/com/id/net (Kompas.com, REPUBLIKA.CO.ID, jpnn.com,)
        bool domain = false;
        for (std::size_t k = 1; k + 2 < token.size() && !domain; ++k) {
            if (token[k] != '.' || !is_letter(token[k - 1])) continue;
            std::size_t t = k + 1;
            while (t < token.size() && is_letter(token[t])) ++t;
            std::string_view tld = token.substr(k + 1, t - k - 1);
            domain = tld.size() >= 2 && tld.size() <= 3 &&
                     (std::tolower(tld[0]) == 'c' || (std::tolower(tld[0]) == 'i' && std::tolower(tld[1]) == 'd') ||
                      (std::tolower(tld[0]) == 'n' && std::tolower(tld[1]) == 'e'));
        }
        std::size_t lb = 0, le = token.size();
        while (lb < le && !is_letter(token[lb])) ++lb;
        while (le > lb && !is_letter(token[le - 1])) --le;
        if (lb == le || domain) {
            previous.clear();
            continue;
        }
        std::string_view w = normalize_phrase_into(token.substr(lb, le - lb), buffer);
        const std::string* label = Lexicon::lookup(labels, w);
        if (!label && !previous.empty()) {  // a two-word label: its first word was counted
            std::string pair = previous;
            pair.append(" ").append(w);
            if ((label = Lexicon::lookup(labels, pair))) --h.words;
        }
        if (label) {
            if (*label == "updated") h.updated = true;
            previous.clear();
            continue;
        }
        ++h.words;
        previous.assign(w);
    }
    return h;
}

// One part of a plain duration value: P11Y, P6M, PT30M -> its number, unit letter and rank
// (Y M D, then H M S of the time part); weeks and anything else are not merged.
struct DurationPart {
    std::string number;
    char unit = 0;
    int rank = -1;
};

std::optional<DurationPart> duration_part(const std::string& v) {
    if (v.size() < 3 || v[0] != 'P') return std::nullopt;
    const bool time = v[1] == 'T';
    std::size_t i = time ? 2 : 1;
    const std::size_t start = i;
    while (i < v.size() && (is_digit(static_cast<unsigned char>(v[i])) || v[i] == '.')) ++i;
    if (i == start || i + 1 != v.size()) return std::nullopt;
    const std::string_view units = time ? std::string_view{"HMS"} : std::string_view{"YMD"};
    const std::size_t r = units.find(v[i]);
    if (r == std::string_view::npos) return std::nullopt;
    return DurationPart{v.substr(start, i - start), v[i], static_cast<int>(r) + (time ? 3 : 0)};
}

// `Jumat Hidayat (38)`, `Sabtu (41)`: a weekday followed by capitalised words (or none) and
// an age in brackets is the first name of a person (a day in brackets has its month: `(5/1)`).
bool person_with_age_after(std::string_view text, std::size_t end) {
    std::size_t k = end;
    int words = 0;
    for (; words < 3; ++words) {
        if (k + 1 >= text.size() || text[k] != ' ' || !(text[k + 1] >= 'A' && text[k + 1] <= 'Z')) break;
        ++k;
        while (k < text.size() && (is_letter(static_cast<unsigned char>(text[k])) || text[k] == '\'')) ++k;
    }
    if (k + 3 >= text.size() || text[k] != ' ' || text[k + 1] != '(') return false;
    k += 2;
    std::size_t digits = 0;
    while (k + digits < text.size() && is_digit(static_cast<unsigned char>(text[k + digits]))) ++digits;
    return digits >= 1 && digits <= 3 && k + digits < text.size() && text[k + digits] == ')';
}

bool only_weekday(const Reading& r) {
    return r.date.weekday && !r.date.day && !r.date.month && !r.date.year && !r.hour && r.day_part.empty() &&
           !r.range_end && r.direction == Direction::none;
}

}  // namespace

DateEngine::CueWords::CueWords(const Lexicon& lex) {
    auto add = [&](const std::string& w, TenseCue cue) {
        if (by_length_.size() <= w.size()) by_length_.resize(w.size() + 1);
        auto& bucket = by_length_[w.size()];
        for (const auto& [word, _] : bucket)
            if (word == w) return;  // in both lists: the future cue, added first, wins
        bucket.emplace_back(w, cue);
    };
    for (const auto& w : lex.future_cues) add(w, TenseCue::future);
    for (const auto& w : lex.past_cues) add(w, TenseCue::past);
}

TenseCue DateEngine::CueWords::find_normalized(std::string_view word) const {
    if (word.size() >= by_length_.size()) return TenseCue::none;
    for (const auto& [w, cue] : by_length_[word.size()])
        if (w == word) return cue;
    return TenseCue::none;
}

TenseCue DateEngine::CueWords::find(std::string_view word, std::string& buffer) const {
    // A normalised word is at least a third as long as the raw one (’ is three bytes).
    if (word.size() >= 3 * by_length_.size()) return TenseCue::none;
    bool ascii = true;
    for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (!ascii) return find_normalized(normalize_phrase_into(word, buffer));
    // An ASCII word of letters normalises to itself lowercased: compare without copying.
    if (word.size() >= by_length_.size()) return TenseCue::none;
    for (const auto& [w, cue] : by_length_[word.size()]) {
        bool same = true;
        for (std::size_t k = 0; same && k < w.size(); ++k) {
            unsigned char c = static_cast<unsigned char>(word[k]);
            same = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) == w[k];
        }
        if (same) return cue;
    }
    return TenseCue::none;
}

EngineLoad DateEngine::load(const std::string& rules_dir) {
    LexiconLoad lex = load_lexicon(rules_dir + "/lexicon/id.yaml");
    if (!lex.lexicon) return {nullptr, std::move(lex.diagnostics)};
    EngineLoad result = from_lexicon(std::move(*lex.lexicon));
    result.diagnostics.insert(result.diagnostics.begin(), lex.diagnostics.begin(), lex.diagnostics.end());
    return result;
}

EngineLoad DateEngine::from_lexicon(Lexicon lexicon) {
    GrammarBuild g = build_grammar(lexicon);
    if (!g.grammar) return {nullptr, std::move(g.diagnostics)};
    return {std::unique_ptr<DateEngine>(new DateEngine(std::move(lexicon), std::move(*g.grammar))),
            std::move(g.diagnostics)};
}

bool DateEngine::plausible(std::string_view text, const Candidate& c, bool initial, Scratch& scratch) const {
    const Reading& r = c.reading;
    const Lexicon& lex = lexicon_;
    std::string_view before = previous_word(text, c.begin, scratch.before);
    unsigned char first = text[c.begin];
    unsigned char last = text[c.end - 1];

    if (r.unit && (r.quantity || r.vague_quantity) &&
        previous_words_include(text, c.begin, 4, lex.age_words, scratch.word))  // berusia (di atas) 60 tahun
        return false;
    // makan malam (hari itu), santap siang: a meal (`makan Kamis malam` is still a time)
    if (!r.day_part.empty() && !r.hour && !r.date.weekday && !r.date.day && !r.relative_day && is_letter(first) &&
        lex.meal_words.count(before))
        return false;
    // sejak pagi, hingga malam: a part of day in one word is a time only after such a word
    if (!r.day_part.empty() && !r.hour && !r.date.weekday && !r.date.day && !r.relative_day &&
        r.direction == Direction::none && text.substr(c.begin, c.end - c.begin).find(' ') == std::string_view::npos &&
        !lex.day_part_leads.count(before))
        return false;
    // a span glued to a hyphenated word: sehari-hari, Minggu-minggu
    if (c.end + 1 < text.size() && text[c.end] == '-' && is_letter(text[c.end + 1])) return false;
    if (c.begin >= 2 && text[c.begin - 1] == '-' && is_letter(text[c.begin - 2]) && is_letter(first)) return false;
    if (r.unit) {  // tiga jam tangan: the unit word starts the name of a thing
        std::size_t last_word = c.end;
        while (last_word > c.begin && is_letter(text[last_word - 1])) --last_word;
        std::string& phrase = scratch.phrase;
        normalize_phrase_into(text.substr(last_word, c.end - last_word), phrase);
        phrase += ' ';
        phrase += next_word(text, c.end, scratch.word);
        if (lex.non_time_phrases.count(phrase)) return false;
    }
    if (is_digit(first) && lex.reference_words.count(before)) return false;
    if (is_digit(first) && !lex.name_reference_words.empty() &&
        named_reference_before(text, c.begin, 5, lex.name_reference_words, lex.reference_words, scratch.word))
        return false;
    // 2254 tahun 2015: the unit word leads a year, the number before it is not a quantity
    if (r.unit && r.quantity && is_digit(first) && !r.range_end && r.direction == Direction::none) {
        std::size_t k = c.end;
        while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
        std::size_t digits = 0;
        while (k + digits < text.size() && is_digit(text[k + digits])) ++digits;
        bool word_ends = k + digits >= text.size() || !(is_letter(text[k + digits]) || is_digit(text[k + digits]));
        if (digits == 4 && word_ends && k > c.end && c.end - c.begin > 5) {
            std::string_view unit_word = normalize_phrase_into(text.substr(c.end - 5, 5), scratch.word);
            if (unit_word == "tahun") return false;
        }
    }
    // a rate: 8 jam sehari, dua kali seminggu, sekali sebulan, Rp 100.000 sebulan ("se" + unit after an amount)
    if (r.unit && r.quantity == 1.0 && r.direction == Direction::none && r.mod.empty() && !lex.one_prefix.empty() &&
        text.compare(c.begin, lex.one_prefix.size(), lex.one_prefix) == 0 &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(c.begin), text.begin() + static_cast<std::ptrdiff_t>(c.end),
                    [](char ch) { return is_letter(static_cast<unsigned char>(ch)); }) &&
        (before == "kali" || before == lex.one_prefix + "kali" || (!before.empty() && is_digit(static_cast<unsigned char>(before.back()))) ||
         lex.units.count(before)))
        return false;
    // digits glued to other digits by a separator: phone numbers, codes, 2.000
    if (is_digit(first) && c.begin >= 2 && std::string_view("/-.,:").find(text[c.begin - 1]) != std::string_view::npos &&
        is_digit(text[c.begin - 2]))
        return false;
    if (is_digit(last) && c.end + 1 < text.size() &&
        std::string_view("/-.,:").find(text[c.end]) != std::string_view::npos && is_digit(text[c.end + 1]))
        return false;
    if (r.bare_year() || (r.decade && !r.led_by_word)) {  // 2000 orang, level 60-an dollar
        if (lex.count_nouns.count(next_word(text, c.end, scratch.word)) && !lex.year_prepositions.count(before))
            return false;
        if (c.end < text.size() && text[c.end] == '%') return false;
    }
    if (r.bare_year() && lex.count_leads.count(before)) return false;  // sebanyak 2024 rudal
    // the year of a name rejected as a whole (Universitas 17 Agustus 1945): a real date was read whole
    if (r.bare_year() && lex.months.count(before)) return false;
    if (r.bare_year() && !lex.copyright_marks.empty()) {  // Copyright © ANTARA 2024
        std::size_t from = c.begin > 40 ? c.begin - 40 : 0;
        std::size_t nl = text.rfind('\n', c.begin);
        if (nl != std::string_view::npos && nl + 1 > from) from = nl + 1;
        std::string_view lead = text.substr(from, c.begin - from);
        for (const auto& mark : lex.copyright_marks)
            if (contains_folded(lead, mark)) return false;
    }
    // a bare year inside a slash-joined code: 123/Pid.B/2024/PN, SK/2024
    if (r.bare_year() && ((c.begin > 0 && text[c.begin - 1] == '/') || (c.end < text.size() && text[c.end] == '/')))
        return false;
    if (only_weekday(r) && lex.weekday_name_words.count(before)) return false;
    if (only_weekday(r) && person_with_age_after(text, c.end)) return false;  // Jumat Hidayat (38), a person
    // Jalan 17 Agustus, Stadion 10 November: a street or a building named after a date
    if (is_digit(first) && r.date.day && r.date.month && !r.range_end && lex.date_name_words.count(before)) return false;
    // Universitas Sebelas Maret: a month after a number word is a name (dates are written in
    // digits); after digits it is what is left of a day and month rejected above
    if (r.date.month && !r.date.day && !r.range_end && is_letter(first) && !before.empty() &&
        (((lex.numbers.count(before) || lex.number_scales.count(before)) && !r.date.year) ||
         std::all_of(before.begin(), before.end(), [](char ch) { return is_digit(static_cast<unsigned char>(ch)); })))
        return false;
    if (!r.vague.empty()) {
        std::string_view phrase = normalize_phrase_into(text.substr(c.begin, c.end - c.begin), scratch.phrase);
        if (lex.past_ref_context_words.count(phrase) && !initial && !lex.past_ref_context_after.count(before))
            return false;
    }
    return true;
}

// `2 dan 3 Maret`, `satu hingga dua tahun`: a bare number joined to a date or quantity
// that starts with a number takes that expression's month or unit and becomes an
// expression of its own (ranges are split; `10 hingga 12 Mei` is matched whole by the
// grammar and never gets here). `floor` is where the previous expression ended.
std::optional<DateEngine::Candidate> DateEngine::elided_first(std::string_view text, const Candidate& c,
                                                              std::size_t floor, Scratch& scratch) const {
    const Reading& r = c.reading;
    bool day_month = r.date.day && r.date.month && !r.range_end && !r.hour && r.day_part.empty();
    bool quantity = r.quantity && r.unit && !r.vague_quantity && !r.set && r.mod.empty();
    if (!day_month && !quantity) return std::nullopt;
    unsigned char first = text[c.begin];
    if (!is_digit(first) && !(quantity && is_letter(first))) return std::nullopt;
    // the connector: dan, atau, hingga, sampai
    std::size_t i = c.begin;
    while (i > floor && text[i - 1] == ' ') --i;
    std::size_t word_end = i;
    while (i > floor && is_letter(text[i - 1])) --i;
    std::string_view joint = normalize_phrase_into(text.substr(i, word_end - i), scratch.word);
    if (word_end == c.begin || !(joint == "dan" || joint == "atau" || joint == "hingga" || joint == "sampai"))
        return std::nullopt;
    while (i > floor && text[i - 1] == ' ') --i;
    std::size_t num_end = i;
    while (i > floor && (is_letter(text[i - 1]) || is_digit(text[i - 1]) || text[i - 1] == ',')) --i;
    if (i == num_end || (i > 0 && i == floor && floor > 0 && (is_letter(text[i - 1]) || is_digit(text[i - 1]))))
        return std::nullopt;
    std::string_view num = text.substr(i, num_end - i);
    if (num.back() == ',') return std::nullopt;  // a list (tenor 6, 9, dan 12 bulan) is left alone
    Candidate split{i, num_end, r};
    if (is_digit(num.front())) {
        std::string decimal;
        for (char ch : num) {
            if (!is_digit(ch) && ch != ',') return std::nullopt;
            decimal += ch == ',' ? '.' : ch;
        }
        double v = std::atof(decimal.c_str());
        if (day_month) {
            if (num.size() > 2 || v < 1 || v > 31 || decimal.find('.') != std::string::npos) return std::nullopt;
            split.reading.date.day = static_cast<int>(v);
        } else {
            split.reading.quantity = v;
        }
    } else {
        if (day_month) return std::nullopt;
        auto n = Lexicon::lookup(lexicon_.numbers, normalize_phrase_into(num, scratch.word));
        if (!n) return std::nullopt;
        split.reading.quantity = *n;
    }
    if (split.reading.quantity && *split.reading.quantity >= *r.quantity) return std::nullopt;  // 5 dan 2 tahun: no range
    if (split.reading.date.day && *split.reading.date.day >= *r.date.day) return std::nullopt;
    split.reading.trim_front = 0;
    // the number itself must pass the look-alike checks (Pasal 2 dan 3 Mei, 021-2 dan 3 hari)
    if (!plausible(text, split, sentence_initial(text, i), scratch)) return std::nullopt;
    return split;
}

std::optional<DateEngine::Candidate> DateEngine::clock_after_date(std::string_view text, const Candidate& c,
                                                                  bool& separate, Scratch& scratch) const {
    const Reading& r = c.reading;
    if (!r.date.complete() || r.range_end || r.hour || !r.day_part.empty()) return std::nullopt;
    auto blank = [&](std::size_t k) { return k < text.size() && (text[k] == ' ' || text[k] == '\t'); };
    std::size_t i = c.end;
    while (blank(i)) ++i;
    separate = false;
    if (i < text.size() && (text[i] == ',' || text[i] == '|' || text[i] == '/' || text[i] == '-')) {
        separate = true;
        ++i;
    } else if (text.compare(i, 3, "\u2013") == 0 || text.compare(i, 3, "\u2014") == 0) {  // – —
        separate = true;
        i += 3;
    }
    if (separate)
        while (blank(i)) ++i;
    else if (i == c.end)
        return std::nullopt;  // the clock must be set off by a space
    // hh:mm or hh.mm, optionally :ss
    std::size_t begin = i, d = 0;
    while (i + d < text.size() && is_digit(text[i + d])) ++d;
    if (d < 1 || d > 2 || i + d + 2 >= text.size() || (text[i + d] != ':' && text[i + d] != '.') ||
        !is_digit(text[i + d + 1]) || !is_digit(text[i + d + 2]))
        return std::nullopt;
    int hour = std::atoi(std::string(text.substr(i, d)).c_str());
    int minute = (text[i + d + 1] - '0') * 10 + (text[i + d + 2] - '0');
    i += d + 3;
    if (i + 2 < text.size() && text[i] == ':' && is_digit(text[i + 1]) && text[i + 1] <= '5' && is_digit(text[i + 2]))
        i += 3;  // seconds, written but not kept
    if (i < text.size() && (is_digit(text[i]) || is_letter(text[i]) ||
                            ((text[i] == '.' || text[i] == ',' || text[i] == ':') && i + 1 < text.size() && is_digit(text[i + 1]))))
        return std::nullopt;  // 10.000, 14.30.15: not a clock
    if (hour > 24 || minute > 59) return std::nullopt;
    std::size_t end = i;
    // 2:30 PM
    std::size_t k = i;
    while (blank(k)) ++k;
    std::string_view meridiem = next_word(text, k, scratch.word);
    if ((meridiem == "am" || meridiem == "pm") && hour >= 1 && hour <= 12) {
        if (meridiem == "pm" && hour < 12) hour += 12;
        if (meridiem == "am" && hour == 12) hour = 0;
        end = k + 2;
        k = end;
        while (blank(k)) ++k;
    }
    std::string zone;
    std::string_view z = next_word(text, k, scratch.word);
    if (const std::string* offset = Lexicon::lookup(lexicon_.time_zones, z); offset && !z.empty()) {
        zone = *offset;
        end = k + z.size();
    }
    // a bare clock after a separator only ends a header line: 20 November 2024, 14.30
    if (separate && zone.empty()) {
        std::size_t t = end;
        while (blank(t) || (t < text.size() && text[t] == '\r')) ++t;
        if (t < text.size() && text[t] != '\n' && text[t] != '|') return std::nullopt;
    }
    // 20 November 2024 10.30 persen: a count, not a clock
    if (zone.empty() && lexicon_.count_nouns.count(next_word(text, end, scratch.word))) return std::nullopt;
    Candidate out{separate ? begin : c.begin, end, r};
    out.reading.hour = hour == 24 ? 0 : hour;
    out.reading.minute = minute;
    out.reading.zone = zone;
    if (separate) {
        out.reading.date.weekday.reset();
        out.reading.trim_front = 0;
    }
    return out;
}

std::vector<DateEngine::Candidate> DateEngine::recognize(std::string_view text, std::size_t stop_beyond,
                                                         const std::function<bool(const Candidate&)>& enough) const {
    std::vector<Candidate> found;
    // news has about one expression per 170 bytes: no regrowth (and moves of readings) for an
    // article; a huge text grows as it needs rather than reserving for dates it may not have
    found.reserve(std::min<std::size_t>(text.size() / 160 + 4, 4096));
    Scratch scratch;
    std::size_t asked = 0;  // candidates before this one were shown to `enough` already
    std::function<bool()> finished;
    if (enough)
        finished = [&] {
            for (; asked < found.size(); ++asked)
                if (enough(found[asked])) return true;
            return false;
        };
    grammar_.scan(text, [&](std::size_t begin, std::size_t end) {
        bool initial = sentence_initial(text, begin);
        if (!found.empty() && begin < found.back().end) return true;  // inside a clock already read after its date
        auto reading = interpret(lexicon_, phrases_, text.substr(begin, end - begin), initial);
        if (!reading) return false;
        Candidate c{begin + reading->trim_front, end, std::move(*reading)};
        if (!plausible(text, c, initial, scratch)) return false;
        if (auto split = elided_first(text, c, found.empty() ? 0 : found.back().end, scratch))
            found.push_back(std::move(*split));
        bool separate = false;
        std::optional<Candidate> clock = clock_after_date(text, c, separate, scratch);
        if (clock && !separate) {
            found.push_back(std::move(*clock));
            return true;
        }
        found.push_back(std::move(c));
        if (clock) found.push_back(std::move(*clock));
        return true;
    }, stop_beyond, finished);
    return found;
}

bool DateEngine::listed_after_weekly_set(std::string_view text, const TimeMention& previous, const Candidate& c,
                                         std::string& word) const {
    const Reading& r = c.reading;
    // the candidate is a weekday, perhaps with a part of day, and nothing else (`Kamis`, `Kamis
    // malam`; not `Kamis lalu` or `Kamis (14/3)`)
    if (!r.date.weekday || r.date.year || r.date.month || r.date.day || r.date.named_day || r.range_end || r.hour ||
        r.relative_day || r.direction != Direction::none || r.set || r.unit)
        return false;
    // the previous one recurs weekly on a day, perhaps at a part of it: XXXX-WXX-d, XXXX-WXX-dTNI
    if (previous.type != "SET" || !previous.value.starts_with("XXXX-WXX-") || previous.value.size() < 10 ||
        previous.value[9] < '1' || previous.value[9] > '7' || previous.end > c.begin)
        return false;
    // and only a comma and/or one joining word stand between them
    std::string_view between = text.substr(previous.end, c.begin - previous.end);
    auto skip_blanks = [&] {
        while (!between.empty() && (between.front() == ' ' || between.front() == '\t')) between.remove_prefix(1);
    };
    skip_blanks();
    const bool comma = !between.empty() && between.front() == ',';
    if (comma) between.remove_prefix(1);
    skip_blanks();
    while (!between.empty() && (between.back() == ' ' || between.back() == '\t')) between.remove_suffix(1);
    if (between.empty()) return comma;
    return lexicon_.set_list_joiners.count(std::string(normalize_phrase_into(between, word))) > 0;
}

std::optional<date::sys_days> DateEngine::publication_date(std::string_view text) const {
    // Once an expression past the header is taken, every later one (and any elided first part
    // of one, which starts after the last expression's end) starts past it too: the dateline
    // search sees the same candidates as in analyze(). And the first strong header date is
    // the answer whatever follows it: a page that opens with its timestamp (`Jumat, 18
    // Oktober 2013` under the headline) is read no further.
    std::string word;
    return find_dateline(text, recognize(text, kDatelineReach, [&](const Candidate& c) {
                             return header_date(text, c, word) == HeaderDate::strong;
                         }));
}

DateEngine::HeaderDate DateEngine::header_date(std::string_view text, const Candidate& c, std::string& word) const {
    constexpr std::size_t kShortLine = 100;
    if (c.begin > kDatelineReach || !c.reading.date.complete() || c.reading.range_end) return HeaderDate::none;
    std::size_t b = text.rfind('\n', c.begin);
    b = b == std::string_view::npos ? 0 : b + 1;
    std::size_t e = text.find('\n', c.begin);
    if (e == std::string_view::npos) e = text.size();
    if (e - b > kShortLine) return HeaderDate::none;
    HeaderLine h = header_line(text.substr(b, e - b), c.begin - b, c.end - b, lexicon_.dateline_words, word);
    if (h.words > 3) {
        // a byline before the timestamp: Penulis: A | Editor: B | Rabu, 20 Nov 2024 14:30 WIB
        std::size_t k = c.begin;
        while (k > b && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
        bool set_off = k > b && (text[k - 1] == '|' || text[k - 1] == '-' || text[k - 1] == '/' ||
                                 static_cast<unsigned char>(text[k - 1]) >= 0x80);  // – — · •
        bool prose = text.substr(b, e - b).find(". ") != std::string_view::npos;
        if (h.words > 8 || !set_off || prose || !(c.reading.hour || h.clock_after)) return HeaderDate::none;
    }
    bool timestamp = c.reading.date.weekday || c.reading.hour || h.clock_after || h.words == 0;
    if (timestamp) return h.updated ? HeaderDate::updated : HeaderDate::strong;
    return HeaderDate::weak;
}

std::optional<date::sys_days> DateEngine::find_dateline(std::string_view text, const std::vector<Candidate>& found) const {
    constexpr std::size_t kHeader = kDatelineReach;
    auto line_of = [&](std::size_t pos) {
        std::size_t b = text.rfind('\n', pos);
        b = b == std::string_view::npos ? 0 : b + 1;
        std::size_t e = text.find('\n', pos);
        if (e == std::string_view::npos) e = text.size();
        return std::pair{b, e};
    };
    auto day_of = [](const Reading& r) -> std::optional<date::sys_days> {
        date::year_month_day ymd{date::year{*r.date.year} / date::month{static_cast<unsigned>(*r.date.month)} /
                                 date::day{static_cast<unsigned>(*r.date.day)}};
        if (!ymd.ok()) return std::nullopt;
        return date::sys_days{ymd};
    };
    // 1. a short line that is mostly a complete date: the page's header. Strong when it
    //    looks like a timestamp (a weekday or clock time with the date, or nothing but
    //    labels around it: Kompas.com - 20/11/2024, 14:30 WIB; Diperbarui 20 Nov 2024);
    //    weak when it is a short title that names a date (Tragedi 7 Oktober 2023). The
    //    first strong one that is not an "updated" line wins, then any strong one, then
    //    the first weak one.
    const Candidate* strong = nullptr;
    const Candidate* updated = nullptr;
    const Candidate* weak = nullptr;
    std::string word;
    for (const auto& c : found) {
        if (c.begin > kHeader) break;
        const HeaderDate kind = header_date(text, c, word);
        if (kind == HeaderDate::strong) {
            strong = &c;
            break;
        }
        if (kind == HeaderDate::updated && !updated) updated = &c;
        if (kind == HeaderDate::weak && !weak) weak = &c;
    }
    if (const Candidate* c = strong ? strong : updated ? updated : weak) return day_of(c->reading);
    // 2. a complete date in the lead sentence that follows an outlet's dateline (TEMPO.CO, Jakarta - ...;
    //    Jakarta (ANTARA) - ...; Jakarta, CNN Indonesia -- ...)
    for (const auto& c : found) {
        if (c.begin > kHeader) break;
        if (!c.reading.date.complete() || c.reading.range_end) continue;
        auto [b, e] = line_of(c.begin);
        std::string_view line = text.substr(b, std::min<std::size_t>(e - b, 80));
        bool outlet = false;
        for (std::size_t i = 0; i + 3 < line.size(); ++i) {
            if (line[i] != '.') continue;
            std::string tld;
            for (std::size_t k = i + 1; k < line.size() && std::isalpha(static_cast<unsigned char>(line[k])); ++k)
                tld += static_cast<char>(std::tolower(static_cast<unsigned char>(line[k])));
            if ((tld == "co" || tld == "com" || tld == "id") && i > 0 && std::isalpha(static_cast<unsigned char>(line[i - 1])))
                outlet = true;
        }
        if (!outlet && !lexicon_.dateline_outlets.empty()) {
            std::string_view lead = normalize_phrase_into(line, word);
            for (const auto& name : lexicon_.dateline_outlets)
                if (lead.find(name) != std::string_view::npos) outlet = true;
        }
        if (outlet) return day_of(c.reading);
    }
    return std::nullopt;
}

// `11 tahun 6 bulan`, `2 jam 30 menit`: a length written in two units with only a space
// between them, the larger unit first, is one DURATION (P11Y6M, PT2H30M).
bool DateEngine::merge_compound_duration(std::string_view text, TimeMention& first, const TimeMention& second) {
    if (first.type != "DURATION" || second.type != "DURATION" || !second.mod.empty()) return false;
    if (first.is_range || second.is_range || second.begin != first.end + 1 || text[first.end] != ' ') return false;
    auto a = duration_part(first.value);  // P11Y6M is not a single part, so three units never chain
    auto b = duration_part(second.value);
    if (!a || !b || a->rank >= b->rank) return false;
    std::string value = a->rank >= 3 ? "PT" : "P";
    value.append(a->number).push_back(a->unit);
    if (b->rank >= 3 && a->rank < 3) value.push_back('T');
    value.append(b->number).push_back(b->unit);
    first.value = std::move(value);
    first.end = second.end;
    first.text = std::string(text.substr(first.begin, first.end - first.begin));
    return true;
}

DocumentDates DateEngine::analyze(std::string_view text, std::optional<date::sys_days> reference) const {
    DocumentDates out;
    std::vector<Candidate> found = recognize(text);
    out.publication = reference;
    if (!reference) {
        out.publication = find_dateline(text, found);
        out.publication_from_dateline = out.publication.has_value();
    }
    ResolveContext ctx;
    ctx.anchor = out.publication;
    out.mentions.reserve(found.size());
    Scratch scratch;
    // where the day in ctx.written_day was written, and whether it came with a clock time or part of day
    std::size_t written_end = 0;
    bool written_with_time = false;
    // the first '\n' at or after written_end, found again only when written_end has passed it:
    // asking from each date anew made a 50 MB page on one line quadratic
    std::size_t paragraph_end = 0, paragraph_from = 0;
    bool paragraph_end_known = false;
    for (const auto& c : found) {
        // a date written without a time (`ditunda hingga Selasa (12/3/2024)`) lends its day to a
        // clock time only within its own paragraph; a day written with a time (`Selasa (20/1) dini
        // hari`) also to the paragraphs after it
        if (ctx.written_day && !written_with_time) {
            if (!paragraph_end_known || paragraph_end < written_end || written_end < paragraph_from) {
                paragraph_end = text.find('\n', written_end);
                paragraph_from = written_end;
                paragraph_end_known = true;
            }
            if (paragraph_end < c.begin) ctx.written_day.reset();
        }
        ctx.cue = lexicon_.future_prepositions.count(previous_word(text, c.begin, scratch.before))
                      ? TenseCue::future
                      : tense_cue(text, c.begin, cues_, scratch.word);
        TimeMention m = resolve(c.reading, ctx);
        if (m.type.empty()) continue;
        m.begin = c.begin;
        m.end = c.end;
        m.text = std::string(text.substr(c.begin, c.end - c.begin));
        if (!out.mentions.empty() && listed_after_weekly_set(text, out.mentions.back(), c, scratch.word)) {
            // `setiap Selasa dan Kamis`: Kamis recurs as well, it is not the nearest Thursday
            m.type = "SET";
            m.value = "XXXX-WXX-" + std::to_string(*c.reading.date.weekday);
            if (!c.reading.day_part.empty()) m.value.append("T").append(c.reading.day_part);  // Kamis malam: XXXX-WXX-4TNI
            m.mod = out.mentions.back().mod;
            m.point.reset();
            m.is_range = false;
        }
        if (m.point && (m.type == "DATE" || m.type == "TIME") && !m.is_range && m.value.find("_REF") == std::string::npos) {
            ctx.focus = m.point;
            if (m.point->granularity == Granularity::day) {
                ctx.focus_day = m.point;
                bool timed = m.type == "TIME";
                if ((timed && c.reading.date.weekday) ||
                    std::any_of(m.text.begin(), m.text.end(), [](char ch) { return is_digit(static_cast<unsigned char>(ch)); })) {
                    // a clock alone (`pukul 05.00`) keeps the day it was put on, and how that day was written
                    if (!(c.reading.date.empty() && ctx.written_day && m.point->first == *ctx.written_day)) {
                        ctx.written_day = m.point->first;
                        written_with_time = timed;
                    }
                    written_end = c.end;
                }
            }
        }
        if (!out.mentions.empty() && merge_compound_duration(text, out.mentions.back(), m)) continue;
        out.mentions.push_back(std::move(m));
    }
    return out;
}

}  // namespace linimasa
