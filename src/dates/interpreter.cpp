#include "dates/interpreter.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace linimasa {

namespace {

enum class TokenKind { word, number, punct };

// Phrase lookups cached per token: the interpreter asks for the phrase starting at a
// token once per section, so each length is looked up once and remembered.
constexpr int kCachedLengths = 4;

struct Token {
    TokenKind kind;
    std::string_view text;  // normalised (lowercase); numbers keep their separators
    std::size_t text_at = 0;  // where `text` is in the token text buffer (see tokenize)
    std::size_t begin = 0;
    std::size_t end = 0;
    bool capitalized = false;
    bool space_before = false;
    // meaning[n - 1]: the phrase of n words starting here, valid where the bit of
    // `looked_up` for n - 1 is set.
    unsigned looked_up = 0;
    std::array<const PhraseMeaning*, kCachedLengths> meaning{};
};

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// Length of a UTF-8 apostrophe (' or ’) at i, or 0.
std::size_t apostrophe_at(std::string_view s, std::size_t i) {
    if (s[i] == '\'') return 1;
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99)
        return 3;
    return 0;
}

bool is_letter_at(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (is_ascii_letter(c)) return true;
    // Non-ASCII letters (é) count as letters; typographic punctuation (U+2000..U+206F) does not.
    if (c >= 0xC3 && c < 0xE2) return true;
    return false;
}

// The tokens of one span and the buffer their texts point into; reused from span to span
// (one per thread), so that reading a span allocates nothing once they have grown.
struct Tokens {
    std::vector<Token> list;
    std::string text;
};

// Splits a span into words, numbers and punctuation. A hyphen joins letters only in words
// the lexicon knows (baru-baru) and in reduplications (bertahun-tahun); Mei-Juli is three tokens.
void tokenize(std::string_view s, const Lexicon& lex, Tokens& out) {
    std::vector<Token>& tokens = out.list;
    std::string& buffer = out.text;
    tokens.clear();
    buffer.clear();
    std::size_t i = 0;
    bool space = false;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = true;
            ++i;
            continue;
        }
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            space = true;
            i += 2;
            continue;
        }
        // a word-final apostrophe (Isra' Mi'raj, a closing 'quote') is no token: the lexicon's
        // phrases are written without it
        if (std::size_t a = apostrophe_at(s, i); a && i > 0 && is_letter_at(s, i - 1) &&
                                                  (i + a >= s.size() || !is_letter_at(s, i + a))) {
            i += a;
            continue;
        }
        Token& t = tokens.emplace_back();
        t.begin = i;
        t.space_before = space;
        t.text_at = buffer.size();
        space = false;
        if (is_letter_at(s, i)) {
            t.kind = TokenKind::word;
            t.capitalized = c >= 'A' && c <= 'Z';
            std::size_t j = i;
            while (j < s.size()) {
                if (is_letter_at(s, j)) {
                    ++j;
                    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
                } else if ((s[j] == '-' || s[j] == '.') && j + 1 < s.size() && is_letter_at(s, j + 1)) {
                    ++j;  // baru-baru, s.d
                } else if (std::size_t a = apostrophe_at(s, j); a && j + a < s.size() && is_letter_at(s, j + a)) {
                    j += a;  // Jum'at
                } else {
                    break;
                }
            }
            t.end = j;
            append_normalized(s.substr(i, j - i), buffer);
            std::string_view word = std::string_view(buffer).substr(t.text_at);
            std::size_t dash = word.find('-');
            if (dash != std::string_view::npos && !lex.hyphenated_words.count(word)) {
                std::string_view left = word.substr(0, dash), right = word.substr(dash + 1);
                bool reduplicated = right.find('-') == std::string_view::npos && left.size() >= right.size() &&
                                    left.compare(left.size() - right.size(), right.size(), right) == 0;
                if (!reduplicated) {
                    t.end = i + dash;
                    buffer.resize(t.text_at + dash);
                }
            }
        } else if (is_digit(c)) {
            t.kind = TokenKind::number;
            std::size_t j = i;
            while (j < s.size() && (is_digit(static_cast<unsigned char>(s[j])) ||
                                    ((s[j] == '.' || s[j] == ',' || s[j] == ':') && j + 1 < s.size() &&
                                     is_digit(static_cast<unsigned char>(s[j + 1])) && j > i)))
                ++j;
            t.end = j;
            buffer.append(s.substr(i, j - i));
        } else {
            t.kind = TokenKind::punct;
            std::size_t len = 1;
            if (c >= 0xC0) {
                len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                len = std::min(len, s.size() - i);
            }
            t.end = i + len;
            buffer.append(s.substr(i, len));
        }
        i = t.end;
    }
    // The buffer is complete: point each token at its text (earlier views could have moved).
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        std::size_t next = k + 1 < tokens.size() ? tokens[k + 1].text_at : buffer.size();
        tokens[k].text = std::string_view(buffer).substr(tokens[k].text_at, next - tokens[k].text_at);
    }
}

// atoi of a token's text, which is not NUL-terminated: the same result, no allocation for
// any token of normal length.
int atoi_view(std::string_view s) {
    char small[32];
    if (s.size() < sizeof small) {
        s.copy(small, s.size());
        small[s.size()] = '\0';
        return std::atoi(small);
    }
    return std::atoi(std::string(s).c_str());
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(static_cast<unsigned char>(c)); });
}

std::optional<int> roman(std::string_view s) {
    int total = 0, prev = 0;
    for (auto it = s.rbegin(); it != s.rend(); ++it) {
        int v = *it == 'i' ? 1 : *it == 'v' ? 5 : *it == 'x' ? 10 : *it == 'l' ? 50 : 0;
        if (!v) return std::nullopt;
        total += v < prev ? -v : v;
        prev = std::max(prev, v);
    }
    return total;
}

class Interpreter {
public:
    Interpreter(const Lexicon& lex, const PhraseIndex& index, std::string_view span, bool sentence_initial,
                Tokens& tokens)
        : lex_(lex), index_(index), span_(span), tokens_(tokens.list), sentence_initial_(sentence_initial) {
        tokenize(span, lex, tokens);
    }

    std::optional<Reading> run() {
        for (i_ = 0; i_ < tokens_.size();) {
            const Token& t = tokens_[i_];
            if (t.kind == TokenKind::number) number();
            else if (t.kind == TokenKind::word) word();
            else punct();
        }
        finish();
        if (r_.meaningless()) return std::nullopt;
        return std::move(r_);
    }

private:
    CalendarFields& point() { return in_range_end_ ? *r_.range_end : r_.date; }

    bool is_word(std::size_t k, std::string_view w) const {
        return k < tokens_.size() && tokens_[k].kind == TokenKind::word && tokens_[k].text == w;
    }
    bool is_punct(std::size_t k, std::string_view p) const {
        return k < tokens_.size() && tokens_[k].kind == TokenKind::punct && tokens_[k].text == p;
    }
    bool is_number(std::size_t k) const { return k < tokens_.size() && tokens_[k].kind == TokenKind::number; }

    // What the lexicon says about the phrase of `n` words starting at token k, if those
    // tokens are words separated by spaces only and the phrase is in some section.
    const PhraseMeaning* meaning(std::size_t k, int n) {
        if (n < 1 || k + n > tokens_.size()) return nullptr;
        if (n > 1 && n > longest_at(k)) return nullptr;  // no phrase that long starts with this word
        Token& t = tokens_[k];
        if (n <= kCachedLengths) {
            unsigned bit = 1u << (n - 1);
            if (!(t.looked_up & bit)) {
                t.meaning[n - 1] = look_up(k, n);
                t.looked_up |= bit;
            }
            return t.meaning[n - 1];
        }
        return look_up(k, n);
    }

    const PhraseMeaning* look_up(std::size_t k, int n) const {
        std::size_t bytes = 0;
        for (int m = 0; m < n; ++m) {
            const Token& t = tokens_[k + m];
            if (t.kind != TokenKind::word || (m && !t.space_before)) return nullptr;
            bytes += t.text.size() + (m ? 1 : 0);
        }
        if (bytes > index_.longest_bytes()) return nullptr;  // longer than any phrase: cannot match
        // The phrase is joined in a stack buffer: no allocation for any phrase of normal length.
        char small[96];
        std::string large;
        char* out = small;
        if (bytes > sizeof small) {
            large.resize(bytes);
            out = large.data();
        }
        std::size_t at = 0;
        for (int m = 0; m < n; ++m) {
            std::string_view w = tokens_[k + m].text;
            if (m) out[at++] = ' ';
            w.copy(out + at, w.size());
            at += w.size();
        }
        return index_.find(std::string_view(out, bytes));
    }

    // The most words of any phrase of the index that starts with the word at token k.
    int longest_at(std::size_t k) {
        const PhraseMeaning* first = meaning(k, 1);
        return first ? first->longest_from_here : 0;
    }

    // The meaning of the single word at token k, or nullptr (also for numbers and punctuation).
    const PhraseMeaning* word_meaning(std::size_t k) { return meaning(k, 1); }

    bool month_word_at(std::size_t k) {
        const PhraseMeaning* m = word_meaning(k);
        return m && (m->month || m->month_abbreviation);
    }
    bool unit_word_at(std::size_t k) {
        const PhraseMeaning* m = word_meaning(k);
        return m && m->unit;
    }
    bool direction_at(std::size_t k) {
        if (k >= tokens_.size()) return false;
        if (is_word(k, "yang")) return true;
        for (int n = std::min({3, index_.longest_words(), longest_at(k)}); n >= 1; --n)
            if (const PhraseMeaning* m = meaning(k, n); m && m->direction) return true;
        return false;
    }

    void start_range() {
        if (in_range_end_ || point().empty()) return;
        in_range_end_ = true;
        r_.range_end.emplace();
    }

    void set_year(int y) {
        if (point().year) {
            if (!in_range_end_) start_range();
            if (point().year) return;
        }
        point().year = y;
    }

    static int full_year(std::string_view yy) {
        int y = atoi_view(yy);
        if (yy.size() == 2) y += y < 50 ? 2000 : 1900;
        return y;
    }

    void number() {
        const Token& t = tokens_[i_];
        std::string_view s = t.text;
        bool plain = all_digits(s);

        // 4-8/9/2023: a range of days in one month
        if (plain && is_punct(i_ + 1, "-") && is_number(i_ + 2) && is_punct(i_ + 3, "/") && is_number(i_ + 4) &&
            is_punct(i_ + 5, "/") && is_number(i_ + 6)) {
            int a = atoi_view(s), b = atoi_view(tokens_[i_ + 2].text);
            int m = atoi_view(tokens_[i_ + 4].text);
            int y = full_year(tokens_[i_ + 6].text);
            if (a >= 1 && a <= 31 && b >= 1 && b <= 31 && m >= 1 && m <= 12) {
                point() = CalendarFields{y, m, a, point().weekday, std::nullopt};
                r_.range_end = CalendarFields{y, m, b, std::nullopt, std::nullopt};
                in_range_end_ = true;
                i_ += 7;
                return;
            }
        }
        // d/m/y, d/m and d-m-y; y-m-d
        if (plain && (is_punct(i_ + 1, "/") || is_punct(i_ + 1, "-")) && is_number(i_ + 2) && all_digits(tokens_[i_ + 2].text)) {
            std::string_view sep = tokens_[i_ + 1].text;
            bool has_third = is_punct(i_ + 3, sep) && is_number(i_ + 4) && all_digits(tokens_[i_ + 4].text);
            if (sep == "/" || has_third) {
                int a = atoi_view(s), b = atoi_view(tokens_[i_ + 2].text);
                if (has_third && s.size() == 4) {  // 2023-08-15
                    point().year = a;
                    point().month = b;
                    point().day = atoi_view(tokens_[i_ + 4].text);
                    i_ += 5;
                    return;
                }
                if (a >= 1 && a <= 31 && b >= 1 && b <= 12) {
                    point().day = a;
                    point().month = b;
                    if (has_third) point().year = full_year(tokens_[i_ + 4].text);
                    i_ += has_third ? 5 : 3;
                    return;
                }
            }
        }
        // 2023/2024, 2023/24: a season or school year across two consecutive years
        if (plain && s.size() == 4 && is_punct(i_ + 1, "/") && is_number(i_ + 2) && all_digits(tokens_[i_ + 2].text) &&
            (tokens_[i_ + 2].text.size() == 4 || tokens_[i_ + 2].text.size() == 2)) {
            int a = atoi_view(s), b = atoi_view(tokens_[i_ + 2].text);
            if (tokens_[i_ + 2].text.size() == 2) b += a / 100 * 100;
            if (a >= 1000 && b == a + 1) {
                point().year = a;
                r_.range_end = CalendarFields{b, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
                in_range_end_ = true;
            }
            i_ += 3;  // anything else (2014/2016) names no time
            return;
        }
        // 1990-an, 90an
        if (plain && ((is_punct(i_ + 1, "-") && is_word(i_ + 2, "an")))) {
            decade(s);
            i_ += 3;
            return;
        }
        // clock times
        bool led_by_clock_word = i_ > 0 && (is_word(i_ - 1, "pukul") || is_word(i_ - 1, "pkl") || is_word(i_ - 1, "jam"));
        bool has_clock_separator = !plain && (s.find(':') != std::string_view::npos || s.find('.') != std::string_view::npos);
        const PhraseMeaning* next = word_meaning(i_ + 1);
        bool zone_follows = next && next->time_zone;
        // 07.00-13.00 WIB: the zone after the range's end
        if (!zone_follows && has_clock_separator && (is_punct(i_ + 1, "-") || is_punct(i_ + 1, "–") ||
                                                    (next && next->range_separator))) {
            const PhraseMeaning* after = word_meaning(i_ + 3);
            zone_follows = is_number(i_ + 2) && after && after->time_zone;
        }
        // the end of a clock range: pukul 08.00-10.00, pukul 08.00 hingga 16.00 WIB
        if (r_.hour && !r_.end_hour && has_clock_separator && clock(s, true)) {
            ++i_;
            return;
        }
        if (led_by_clock_word || (has_clock_separator && (zone_follows || !r_.date.empty() || r_.relative_day))) {
            if (clock(s)) {
                ++i_;
                return;
            }
        }
        // tanggal 17 (bulan ini): a day of a month the context gives, never a quantity
        bool led_by_date_word = is_word(i_ - 1, "tanggal") || is_word(i_ - 1, "tgl") ||
                                (is_punct(i_ - 1, ".") && is_word(i_ - 2, "tgl"));
        if (plain && led_by_date_word && s.size() <= 2 && atoi_view(s) >= 1 && atoi_view(s) <= 31 &&
            !month_word_at(i_ + 1)) {
            point().day = atoi_view(s);
            ++i_;
            return;
        }
        // a quantity of some unit: dua hari, 5,5 tahun
        if (unit_word_at(i_ + 1) || is_word(i_ + 1, "kali")) {
            // Indonesian writes 20.537 for twenty thousand and 5,5 for five and a half.
            std::string decimal;
            for (std::size_t k = 0; k < s.size(); ++k) {
                bool thousands = s[k] == '.' && s.size() - k - 1 >= 3 &&
                                 (k + 4 == s.size() || !is_digit(static_cast<unsigned char>(s[k + 4])));
                if (thousands) continue;
                decimal += s[k] == ',' ? '.' : s[k];
            }
            if (decimal.find_first_not_of("0123456789.") == std::string::npos && std::count(decimal.begin(), decimal.end(), '.') <= 1) {
                r_.quantity = std::atof(decimal.c_str());
                ++i_;
                return;
            }
        }
        if (!plain) {
            ++i_;
            return;
        }
        int v = atoi_view(s);
        if (week_unit_waits() && v >= 1 && v <= 5 && s.size() == 1) {  // minggu ke-3 Oktober
            r_.week_index = v;
            ++i_;
            return;
        }
        if (r_.period_unit && !r_.period_index && v >= 1 && v <= 4 && s.size() == 1) {
            r_.period_index = v;
            ++i_;
            return;
        }
        // a day: followed by a month, or by a range to a day that is
        bool day_follows_range = (is_punct(i_ + 1, "-") || is_punct(i_ + 1, "–")) && is_number(i_ + 2) && month_word_at(i_ + 3);
        std::size_t after_sep = i_ + 1;
        if (const PhraseMeaning* m = meaning(i_ + 1, 1); m && m->range_separator) after_sep = i_ + 2;
        if (const PhraseMeaning* m = meaning(i_ + 1, 2); m && m->range_separator) after_sep = i_ + 3;
        if (after_sep > i_ + 1 && is_punct(after_sep, ".")) ++after_sep;  // s.d.
        bool day_range_words = after_sep > i_ + 1 && is_number(after_sep) && month_word_at(after_sep + 1);
        // November 20, 2024: the English order, a day after the month and before the year
        bool after_month = i_ > 0 && month_word_at(i_ - 1) && !point().day &&
                           (is_punct(i_ + 1, ",") || (is_number(i_ + 1) && tokens_[i_ + 1].text.size() == 4));
        if (s.size() <= 2 && v >= 1 && v <= 31 &&
            (month_word_at(i_ + 1) || day_follows_range || day_range_words || after_month)) {
            point().day = v;
            ++i_;
            return;
        }
        if (s.size() == 4 && v >= 1000 && v <= 2199) {
            set_year(v);
            ++i_;
            return;
        }
        ++i_;
    }

    bool clock(std::string_view s, bool end = false) {
        std::size_t sep = s.find_first_of(".:");
        int hour = atoi_view(s.substr(0, sep));
        int minute = sep == std::string_view::npos ? 0 : atoi_view(s.substr(sep + 1));
        if (sep != std::string_view::npos && s.size() - sep - 1 != 2) return false;
        if (hour > 24 || minute > 59) return false;
        (end ? r_.end_hour : r_.hour) = hour == 24 && !end ? 0 : hour;
        (end ? r_.end_minute : r_.minute) = minute;
        return true;
    }

    void decade(std::string_view digits) {
        int v = atoi_view(digits);
        if (digits.size() == 4) r_.decade = v / 10;
        else if (digits.size() == 2) r_.decade = (v < 30 ? 200 : 190) + v / 10;
    }

    void punct() {
        std::string_view p = tokens_[i_].text;
        if (p == "-" || p == "–" || p == "—") {
            // a range dash between two points (13-14 September, 1910-1945, Mei-Juli)
            if (!point().empty() && i_ + 1 < tokens_.size()) start_range();
        } else if (p == "/" && is_word(i_ - 1, "s") && is_word(i_ + 1, "d")) {
            start_range();
        }
        ++i_;
    }

    // The longest phrase at i_ that is in the section `field` selects, and its word count.
    template <class T>
    const T* match(std::optional<T> PhraseMeaning::*field, int& words) {
        for (int n = longest_at(i_); n >= 1; --n) {
            const PhraseMeaning* m = meaning(i_, n);
            if (m && m->*field) {
                words = n;
                return &*(m->*field);
            }
        }
        return nullptr;
    }
    bool match_set(bool PhraseMeaning::*field, int& words) {
        for (int n = longest_at(i_); n >= 1; --n) {
            const PhraseMeaning* m = meaning(i_, n);
            if (m && m->*field) {
                words = n;
                return true;
            }
        }
        return false;
    }

    // Reads the number words starting at i_ (dua puluh lima); returns how many words it used.
    int number_words(double& value) {
        int used = 0;
        long total = 0, current = 0;
        double fraction = 0;
        bool any = false;
        for (std::size_t k = i_; k < tokens_.size() && tokens_[k].kind == TokenKind::word; ++k) {
            if (k > i_ && !tokens_[k].space_before) break;
            const PhraseMeaning* m = word_meaning(k);
            const int* n = m && m->number ? &*m->number : nullptr;
            const NumberScale* sc = m && m->number_scale ? &*m->number_scale : nullptr;
            if (m && m->fraction) {  // setengah, satu setengah: a fraction ends the number
                fraction = *m->fraction;
                ++used;
                break;
            }
            if (n) {
                if (*n >= 1000) {
                    total += (current ? current : 1) * *n;
                    current = 0;
                } else {
                    current += *n;
                }
            } else if (sc && any) {
                if (sc->add) current += sc->add;
                else if (sc->times >= 1000) {
                    total += current * sc->times;
                    current = 0;
                } else current *= sc->times;
            } else {
                break;
            }
            any = true;
            ++used;
        }
        value = static_cast<double>(total + current) + fraction;
        return used;
    }

    void word() {
        const Token& t = tokens_[i_];
        int n = 0;

        if (i_ == 0 && t.text == lex_.range_opener) {
            r_.trim_front = i_ + 1 < tokens_.size() ? tokens_[i_ + 1].begin : t.end;
            opened_range_ = true;
            ++i_;
            return;
        }
        if (opened_range_ && t.text == lex_.range_opener_separator) {
            start_range();
            ++i_;
            return;
        }
        if (match_set(&PhraseMeaning::range_separator, n)) {
            start_range();
            i_ += n;
            return;
        }
        if (auto v = match(&PhraseMeaning::vague_reference, n)) {
            // "ke depan" after a quantity is a direction (dua tahun ke depan)
            bool is_direction = meaning(i_, n)->direction && (r_.quantity || r_.vague_quantity || r_.unit);
            if (!is_direction) {
                r_.vague = *v;
                i_ += n;
                return;
            }
        }
        if (auto d = match(&PhraseMeaning::relative_day, n)) {
            r_.relative_day = d->offset;
            if (!d->day_part.empty()) r_.day_part = d->day_part;
            i_ += n;
            return;
        }
        if (auto d = match(&PhraseMeaning::named_day, n)) {
            point().named_day = *d;
            i_ += n;
            return;
        }
        if (auto m = match(&PhraseMeaning::approximator, n)) {
            r_.mod = *m;
            i_ += n;
            return;
        }
        if (auto s = match(&PhraseMeaning::season, n)) {
            r_.season = *s;
            i_ += n;
            return;
        }
        if (auto p = match(&PhraseMeaning::day_part, n)) {
            r_.day_part = *p;
            i_ += n;
            if (is_word(i_, "hari")) ++i_;  // malam hari: `hari` is no unit here
            return;
        }
        if (auto d = match(&PhraseMeaning::direction, n)) {
            r_.direction = *d;
            i_ += n;
            return;
        }
        if (auto p = match(&PhraseMeaning::period_part, n)) {
            r_.period_part = *p;
            i_ += n;
            return;
        }
        if (match_set(&PhraseMeaning::set_marker, n)) {
            r_.set = true;
            i_ += n;
            return;
        }
        // H-7 Lebaran, H+3 Natal: days before or after a named day
        if (t.text == "h" && i_ == 0 && (is_punct(i_ + 1, "-") || is_punct(i_ + 1, "+")) && is_number(i_ + 2) &&
            all_digits(tokens_[i_ + 2].text) && tokens_[i_ + 2].text.size() <= 3) {
            int n = atoi_view(tokens_[i_ + 2].text);
            r_.day_offset = is_punct(i_ + 1, "-") ? -n : n;
            i_ += 3;
            return;
        }
        // Q3 2024, H1 2025: a quarter or half written as a letter glued to its number
        if ((t.text == "q" || t.text == "h") && is_number(i_ + 1) && !tokens_[i_ + 1].space_before &&
            tokens_[i_ + 1].text.size() == 1 && !r_.period_unit) {
            r_.period_unit = t.text == "q" ? 'Q' : 'H';
            ++i_;
            return;
        }
        const PhraseMeaning* here = word_meaning(i_);
        if (here && here->month) {
            point().month = *here->month;
            if (is_word(i_ - 1, "bulan")) r_.led_by_word = true;
            ++i_;
            return;
        }
        if (here && here->month_abbreviation) {
            point().month = *here->month_abbreviation;
            ++i_;
            return;
        }
        if (here && here->weekday) {
            if (!weekday_is_unit()) {
                point().weekday = *here->weekday;
                ++i_;
                return;
            }
        }
        if (here && here->century_word && century_follows(i_ + 1)) {
            century();
            return;
        }
        if (here && here->unit) {
            unit_word(*here->unit);
            return;
        }
        if (here && here->period_unit) {
            r_.period_unit = *here->period_unit;
            ++i_;
            return;
        }
        if (here && here->ordinal && week_unit_waits()) {  // pekan kedua Juli
            r_.week_index = *here->ordinal;
            ++i_;
            return;
        }
        if (here && here->ordinal && r_.period_unit && !r_.period_index) {
            r_.period_index = *here->ordinal;
            ++i_;
            return;
        }
        if (here && here->vague_quantity) {
            r_.vague_quantity = true;
            ++i_;
            return;
        }
        double value = 0;
        if (int used = number_words(value)) {
            if (unit_word_at(i_ + used) || r_.period_unit) {
                r_.quantity = value;
            }
            i_ += used;
            return;
        }
        if (here && here->time_zone) {
            r_.zone = *here->time_zone;
            ++i_;
            return;
        }
        if (prefixed_unit(t.text)) {
            ++i_;
            return;
        }
        if (t.text == "tahun" || t.text == "bulan" || t.text == "era" || t.text == "dekade") r_.led_by_word = true;
        // lead words, "yang", "ke", "dan" and anything unknown carry no meaning of their own
        ++i_;
    }

    // A week word without a number has been read and no week of the month yet (pekan | kedua).
    bool week_unit_waits() const {
        return r_.unit && r_.unit->unit == TimeUnit::week && r_.unit->times == 1 && !r_.quantity &&
               !r_.vague_quantity && !r_.week_index && !r_.period_unit && !in_range_end_ && r_.date.empty();
    }

    // abad ke-20, abad 21, abad XXI
    bool century_follows(std::size_t k) const {
        if (is_word(k, "ke")) return true;
        if (is_number(k)) return true;
        return k < tokens_.size() && tokens_[k].kind == TokenKind::word && roman(tokens_[k].text).has_value();
    }

    void century() {
        ++i_;
        if (is_word(i_, "ke")) ++i_;
        if (is_punct(i_, "-")) ++i_;
        if (is_number(i_) && all_digits(tokens_[i_].text)) {
            r_.century = atoi_view(tokens_[i_].text) - 1;
            ++i_;
        } else if (i_ < tokens_.size() && tokens_[i_].kind == TokenKind::word) {
            if (auto r = roman(tokens_[i_].text)) {
                r_.century = *r - 1;
                ++i_;
            }
        }
    }

    // Minggu is Sunday or a week: a week after a number or a set marker, or before a
    // direction unless capitalised inside a sentence; otherwise Sunday if capitalised.
    bool weekday_is_unit() {
        const Token& t = tokens_[i_];
        const PhraseMeaning* m = word_meaning(i_);
        if (!m || !m->unit) return false;
        if (r_.quantity || r_.vague_quantity) return true;
        if (r_.set) return !t.capitalized;
        // Minggu kedua Oktober, minggu ke-3: an ordinal after it makes it a week
        if (const PhraseMeaning* next = word_meaning(i_ + 1); next && next->ordinal) return true;
        if (is_word(i_ + 1, "ke") && (is_number(i_ + 2) || (is_punct(i_ + 2, "-") && is_number(i_ + 3)))) return true;
        if (direction_at(i_ + 1) || !r_.period_part.empty()) return !t.capitalized || (i_ == 0 && sentence_initial_);
        return !t.capitalized;
    }

    void unit_word(const UnitWord& u) {
        const Token& t = tokens_[i_];
        // "tahun 2012", "bulan Juli", "hari Senin", "jam 10": a lead word, not a unit
        bool leads = is_number(i_ + 1) || month_word_at(i_ + 1) ||
                     (i_ + 1 < tokens_.size() && lex_.weekdays.count(tokens_[i_ + 1].text) && t.text == "hari") ||
                     (t.text == "tahun" && (is_word(i_ + 1, "anggaran") || is_word(i_ + 1, "ajaran") ||
                                            is_word(i_ + 1, "akademik") || is_word(i_ + 1, "buku") ||
                                            is_word(i_ + 1, "fiskal")));
        if (t.text == "jam" && is_number(i_ + 1)) leads = true;
        if (leads && !r_.quantity && !r_.vague_quantity) {
            r_.led_by_word = true;
            ++i_;
            return;
        }
        // "tahun baru" is a named day; caught earlier by the phrase lookup
        if (r_.unit && r_.period_unit) {  // kuartal ketiga tahun ini: the year is the base
            r_.unit = u;
        } else {
            r_.unit = u;
        }
        ++i_;
    }

    // sehari, setahun; bertahun-tahun
    bool prefixed_unit(std::string_view w) {
        const std::string& one = lex_.one_prefix;
        if (!one.empty() && w.size() > one.size() && w.compare(0, one.size(), one) == 0) {
            if (auto u = Lexicon::lookup(lex_.units, w.substr(one.size()))) {
                r_.quantity = 1;
                r_.unit = *u;
                return true;
            }
        }
        const std::string& ber = lex_.reduplication_prefix;
        if (!ber.empty() && w.size() > ber.size() && w.compare(0, ber.size(), ber) == 0) {
            std::string_view rest = w.substr(ber.size());
            std::size_t dash = rest.find('-');
            if (dash != std::string_view::npos && rest.substr(0, dash) == rest.substr(dash + 1)) {
                if (auto u = Lexicon::lookup(lex_.units, rest.substr(0, dash))) {
                    r_.vague_quantity = true;
                    r_.unit = *u;
                    return true;
                }
            }
        }
        return false;
    }

    void finish() {
        // "tahun ini" after a part or a quarter: the unit names the base period
        if (r_.range_end && r_.range_end->empty()) r_.range_end.reset();
        if (r_.range_end) {
            CalendarFields& a = r_.date;
            const CalendarFields& b = *r_.range_end;
            if (!a.month && b.month && (a.day || b.day)) a.month = b.month;
            if (!a.year && b.year && (a.month || a.named_day)) a.year = b.year;
            if (!a.month && b.month && !a.year && !b.year) a.month = std::nullopt;
        }
        // hour with a part of day: pukul 8 malam is 20:00
        if (r_.hour && (r_.day_part == "AF" || r_.day_part == "EV" || r_.day_part == "NI") && *r_.hour < 12 && *r_.hour >= 1)
            *r_.hour += 12;
    }

    const Lexicon& lex_;
    const PhraseIndex& index_;
    std::string_view span_;
    std::vector<Token>& tokens_;
    bool sentence_initial_;
    std::size_t i_ = 0;
    Reading r_;
    bool in_range_end_ = false;
    bool opened_range_ = false;
};

}  // namespace

PhraseIndex::PhraseIndex(const Lexicon& lex) {
    auto add = [&](const std::string& phrase) -> PhraseMeaning& {
        int words = 1;
        for (char c : phrase) words += c == ' ';
        longest_words_ = std::max(longest_words_, words);
        longest_bytes_ = std::max(longest_bytes_, phrase.size());
        std::string_view first(phrase.data(), phrase.find(' ') == std::string::npos ? phrase.size() : phrase.find(' '));
        PhraseMeaning& head = meanings_[std::string(first)];
        head.longest_from_here = std::max(head.longest_from_here, words);
        return meanings_[phrase];
    };
    for (const auto& [w, v] : lex.months) add(w).month = v;
    for (const auto& [w, v] : lex.month_abbreviations) add(w).month_abbreviation = v;
    for (const auto& [w, v] : lex.weekdays) add(w).weekday = v;
    for (const auto& [w, v] : lex.numbers) add(w).number = v;
    for (const auto& [w, v] : lex.number_scales) add(w).number_scale = v;
    for (const auto& [w, v] : lex.fractions) add(w).fraction = v;
    for (const auto& [w, v] : lex.units) add(w).unit = v;
    for (const auto& [w, v] : lex.relative_days) add(w).relative_day = v;
    for (const auto& [w, v] : lex.day_parts) add(w).day_part = v;
    for (const auto& [w, v] : lex.period_parts) add(w).period_part = v;
    for (const auto& [w, v] : lex.directions) add(w).direction = v;
    for (const auto& [w, v] : lex.approximators) add(w).approximator = v;
    for (const auto& [w, v] : lex.vague_references) add(w).vague_reference = v;
    for (const auto& [w, v] : lex.named_days) add(w).named_day = v;
    for (const auto& [w, v] : lex.period_units) add(w).period_unit = v;
    for (const auto& [w, v] : lex.ordinals) add(w).ordinal = v;
    for (const auto& [w, v] : lex.seasons) add(w).season = v;
    for (const auto& [w, v] : lex.time_zones) add(w).time_zone = v;
    for (const auto& w : lex.set_markers) add(w).set_marker = true;
    for (const auto& w : lex.range_separators) add(w).range_separator = true;
    for (const auto& w : lex.vague_quantities) add(w).vague_quantity = true;
    for (const auto& w : lex.century_words) add(w).century_word = true;
}

std::optional<Reading> interpret(const Lexicon& lexicon, const PhraseIndex& index, std::string_view span,
                                 bool sentence_initial) {
    // One token list per thread: interpret() is not re-entered, and the engine is used
    // from several threads only through separate calls.
    thread_local Tokens tokens;
    return Interpreter(lexicon, index, span, sentence_initial, tokens).run();
}

std::optional<Reading> interpret(const Lexicon& lexicon, std::string_view span, bool sentence_initial) {
    PhraseIndex index(lexicon);
    return interpret(lexicon, index, span, sentence_initial);
}

}  // namespace linimasa
