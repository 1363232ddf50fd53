#include "dates/interpreter.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace linimasa {

namespace {

enum class TokenKind { word, number, punct };

struct Token {
    TokenKind kind;
    std::string text;  // normalised (lowercase); numbers keep their separators
    std::size_t begin = 0;
    std::size_t end = 0;
    bool capitalized = false;
    bool space_before = false;
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

// Splits a span into words, numbers and punctuation. A hyphen joins letters only in words
// the lexicon knows (baru-baru) and in reduplications (bertahun-tahun); Mei-Juli is three tokens.
std::vector<Token> tokenize(std::string_view s, const Lexicon& lex) {
    std::vector<Token> tokens;
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
        Token t;
        t.begin = i;
        t.space_before = space;
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
            t.text = normalize_phrase(s.substr(i, j - i));
            std::size_t dash = t.text.find('-');
            if (dash != std::string::npos && !lex.hyphenated_words.count(t.text)) {
                std::string left = t.text.substr(0, dash), right = t.text.substr(dash + 1);
                bool reduplicated = right.find('-') == std::string::npos && left.size() >= right.size() &&
                                    left.compare(left.size() - right.size(), right.size(), right) == 0;
                if (!reduplicated) {
                    t.end = i + dash;
                    t.text = left;
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
            t.text = std::string(s.substr(i, j - i));
        } else {
            t.kind = TokenKind::punct;
            std::size_t len = 1;
            if (c >= 0xC0) {
                len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                len = std::min(len, s.size() - i);
            }
            t.end = i + len;
            t.text = std::string(s.substr(i, len));
        }
        tokens.push_back(std::move(t));
        i = tokens.back().end;
    }
    return tokens;
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(static_cast<unsigned char>(c)); });
}

std::optional<int> roman(const std::string& s) {
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
    Interpreter(const Lexicon& lex, std::string_view span, bool sentence_initial)
        : lex_(lex), span_(span), tokens_(tokenize(span, lex)), sentence_initial_(sentence_initial) {}

    std::optional<Reading> run() {
        for (i_ = 0; i_ < tokens_.size();) {
            const Token& t = tokens_[i_];
            if (t.kind == TokenKind::number) number();
            else if (t.kind == TokenKind::word) word();
            else punct();
        }
        finish();
        if (r_.meaningless()) return std::nullopt;
        return r_;
    }

private:
    CalendarFields& point() { return in_range_end_ ? *r_.range_end : r_.date; }

    bool is_word(std::size_t k, const char* w) const {
        return k < tokens_.size() && tokens_[k].kind == TokenKind::word && tokens_[k].text == w;
    }
    bool is_punct(std::size_t k, const char* p) const {
        return k < tokens_.size() && tokens_[k].kind == TokenKind::punct && tokens_[k].text == p;
    }
    bool is_number(std::size_t k) const { return k < tokens_.size() && tokens_[k].kind == TokenKind::number; }

    // The phrase of `n` words starting at token k, if those tokens are words separated by spaces only.
    std::optional<std::string> phrase(std::size_t k, int n) const {
        if (k + n > tokens_.size()) return std::nullopt;
        std::string out;
        for (int m = 0; m < n; ++m) {
            const Token& t = tokens_[k + m];
            if (t.kind != TokenKind::word) return std::nullopt;
            if (m) {
                if (!t.space_before) return std::nullopt;
                out += ' ';
            }
            out += t.text;
        }
        return out;
    }

    bool month_word_at(std::size_t k) const {
        if (k >= tokens_.size() || tokens_[k].kind != TokenKind::word) return false;
        return lex_.months.count(tokens_[k].text) || lex_.month_abbreviations.count(tokens_[k].text);
    }
    bool unit_word_at(std::size_t k) const {
        return k < tokens_.size() && tokens_[k].kind == TokenKind::word && lex_.units.count(tokens_[k].text);
    }
    bool direction_at(std::size_t k) const {
        if (k >= tokens_.size()) return false;
        if (is_word(k, "yang")) return true;
        for (int n = std::min(3, lex_.longest_phrase); n >= 1; --n)
            if (auto p = phrase(k, n); p && lex_.directions.count(*p)) return true;
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

    static std::optional<int> parse_int(const std::string& s) {
        if (!all_digits(s) || s.size() > 9) return std::nullopt;
        return std::atoi(s.c_str());
    }

    static int full_year(const std::string& yy) {
        int y = std::atoi(yy.c_str());
        if (yy.size() == 2) y += y < 50 ? 2000 : 1900;
        return y;
    }

    void number() {
        const Token& t = tokens_[i_];
        const std::string& s = t.text;
        bool plain = all_digits(s);

        // 4-8/9/2023: a range of days in one month
        if (plain && is_punct(i_ + 1, "-") && is_number(i_ + 2) && is_punct(i_ + 3, "/") && is_number(i_ + 4) &&
            is_punct(i_ + 5, "/") && is_number(i_ + 6)) {
            int a = std::atoi(s.c_str()), b = std::atoi(tokens_[i_ + 2].text.c_str());
            int m = std::atoi(tokens_[i_ + 4].text.c_str());
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
            const std::string sep = tokens_[i_ + 1].text;
            bool has_third = is_punct(i_ + 3, sep.c_str()) && is_number(i_ + 4) && all_digits(tokens_[i_ + 4].text);
            if (sep == "/" || has_third) {
                int a = std::atoi(s.c_str()), b = std::atoi(tokens_[i_ + 2].text.c_str());
                if (has_third && s.size() == 4) {  // 2023-08-15
                    point().year = a;
                    point().month = b;
                    point().day = std::atoi(tokens_[i_ + 4].text.c_str());
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
        // 1990-an, 90an
        if (plain && ((is_punct(i_ + 1, "-") && is_word(i_ + 2, "an")))) {
            decade(s);
            i_ += 3;
            return;
        }
        // clock times
        bool led_by_clock_word = i_ > 0 && (is_word(i_ - 1, "pukul") || is_word(i_ - 1, "pkl") || is_word(i_ - 1, "jam"));
        bool has_clock_separator = !plain && (s.find(':') != std::string::npos || s.find('.') != std::string::npos);
        bool zone_follows = i_ + 1 < tokens_.size() && tokens_[i_ + 1].kind == TokenKind::word &&
                            lex_.time_zones.count(tokens_[i_ + 1].text);
        if (led_by_clock_word || (has_clock_separator && (zone_follows || !r_.date.empty() || r_.relative_day))) {
            if (clock(s)) {
                ++i_;
                return;
            }
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
        int v = std::atoi(s.c_str());
        if (r_.period_unit && !r_.period_index && v >= 1 && v <= 4 && s.size() == 1) {
            r_.period_index = v;
            ++i_;
            return;
        }
        // a day: followed by a month, or by a range to a day that is
        bool day_follows_range = (is_punct(i_ + 1, "-") || is_punct(i_ + 1, "–")) && is_number(i_ + 2) && month_word_at(i_ + 3);
        std::size_t after_sep = i_ + 1;
        if (auto p = phrase(i_ + 1, 1); p && lex_.range_separators.count(*p)) after_sep = i_ + 2;
        if (auto p = phrase(i_ + 1, 2); p && lex_.range_separators.count(*p)) after_sep = i_ + 3;
        if (after_sep > i_ + 1 && is_punct(after_sep, ".")) ++after_sep;  // s.d.
        bool day_range_words = after_sep > i_ + 1 && is_number(after_sep) && month_word_at(after_sep + 1);
        if (s.size() <= 2 && v >= 1 && v <= 31 && (month_word_at(i_ + 1) || day_follows_range || day_range_words)) {
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

    bool clock(const std::string& s) {
        std::size_t sep = s.find_first_of(".:");
        int hour = std::atoi(s.substr(0, sep).c_str());
        int minute = sep == std::string::npos ? 0 : std::atoi(s.substr(sep + 1).c_str());
        if (sep != std::string::npos && s.size() - sep - 1 != 2) return false;
        if (hour > 24 || minute > 59) return false;
        r_.hour = hour == 24 ? 0 : hour;
        r_.minute = minute;
        return true;
    }

    void decade(const std::string& digits) {
        int v = std::atoi(digits.c_str());
        if (digits.size() == 4) r_.decade = v / 10;
        else if (digits.size() == 2) r_.decade = (v < 30 ? 200 : 190) + v / 10;
    }

    void punct() {
        const std::string& p = tokens_[i_].text;
        if (p == "-" || p == "–" || p == "—") {
            // a range dash between two points (13-14 September, 1910-1945, Mei-Juli)
            if (!point().empty() && i_ + 1 < tokens_.size()) start_range();
        } else if (p == "/" && is_word(i_ - 1, "s") && is_word(i_ + 1, "d")) {
            start_range();
        }
        ++i_;
    }

    template <class T>
    const T* match(const WordMap<T>& map, int& words) const {
        for (int n = lex_.longest_phrase; n >= 1; --n) {
            auto p = phrase(i_, n);
            if (!p) continue;
            if (auto it = map.find(*p); it != map.end()) {
                words = n;
                return &it->second;
            }
        }
        return nullptr;
    }
    bool match_set(const WordSet& set, int& words) const {
        for (int n = lex_.longest_phrase; n >= 1; --n) {
            auto p = phrase(i_, n);
            if (p && set.count(*p)) {
                words = n;
                return true;
            }
        }
        return false;
    }

    // Reads the number words starting at i_ (dua puluh lima); returns how many words it used.
    int number_words(double& value) const {
        int used = 0;
        long total = 0, current = 0;
        bool any = false;
        for (std::size_t k = i_; k < tokens_.size() && tokens_[k].kind == TokenKind::word; ++k) {
            if (k > i_ && !tokens_[k].space_before) break;
            const std::string& w = tokens_[k].text;
            if (auto n = Lexicon::lookup(lex_.numbers, w)) {
                if (*n >= 1000) {
                    total += (current ? current : 1) * *n;
                    current = 0;
                } else {
                    current += *n;
                }
            } else if (auto sc = Lexicon::lookup(lex_.number_scales, w); sc && any) {
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
        value = static_cast<double>(total + current);
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
        if (match_set(lex_.range_separators, n)) {
            start_range();
            i_ += n;
            return;
        }
        if (auto v = match(lex_.vague_references, n)) {
            auto p = phrase(i_, n);
            // "ke depan" after a quantity is a direction (dua tahun ke depan)
            bool is_direction = lex_.directions.count(*p) && (r_.quantity || r_.vague_quantity || r_.unit);
            if (!is_direction) {
                r_.vague = *v;
                i_ += n;
                return;
            }
        }
        if (auto d = match(lex_.relative_days, n)) {
            r_.relative_day = d->offset;
            if (!d->day_part.empty()) r_.day_part = d->day_part;
            i_ += n;
            return;
        }
        if (auto d = match(lex_.named_days, n)) {
            point().named_day = *d;
            i_ += n;
            return;
        }
        if (auto m = match(lex_.approximators, n)) {
            r_.mod = *m;
            i_ += n;
            return;
        }
        if (auto s = match(lex_.seasons, n)) {
            r_.season = *s;
            i_ += n;
            return;
        }
        if (auto p = match(lex_.day_parts, n)) {
            r_.day_part = *p;
            i_ += n;
            return;
        }
        if (auto d = match(lex_.directions, n)) {
            r_.direction = *d;
            i_ += n;
            return;
        }
        if (auto p = match(lex_.period_parts, n)) {
            r_.period_part = *p;
            i_ += n;
            return;
        }
        if (match_set(lex_.set_markers, n)) {
            r_.set = true;
            i_ += n;
            return;
        }
        if (auto m = Lexicon::lookup(lex_.months, t.text)) {
            point().month = *m;
            if (is_word(i_ - 1, "bulan")) r_.led_by_word = true;
            ++i_;
            return;
        }
        if (auto m = Lexicon::lookup(lex_.month_abbreviations, t.text)) {
            point().month = *m;
            ++i_;
            return;
        }
        if (auto w = Lexicon::lookup(lex_.weekdays, t.text)) {
            if (!weekday_is_unit(*w)) {
                point().weekday = *w;
                ++i_;
                return;
            }
        }
        if (lex_.century_words.count(t.text) && century_follows(i_ + 1)) {
            century();
            return;
        }
        if (auto u = Lexicon::lookup(lex_.units, t.text)) {
            unit_word(*u);
            return;
        }
        if (auto pu = Lexicon::lookup(lex_.period_units, t.text)) {
            r_.period_unit = *pu;
            ++i_;
            return;
        }
        if (auto o = Lexicon::lookup(lex_.ordinals, t.text); o && r_.period_unit && !r_.period_index) {
            r_.period_index = *o;
            ++i_;
            return;
        }
        if (lex_.vague_quantities.count(t.text)) {
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
        if (auto z = Lexicon::lookup(lex_.time_zones, t.text)) {
            r_.zone = *z;
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
            r_.century = std::atoi(tokens_[i_].text.c_str()) - 1;
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
    bool weekday_is_unit(int weekday) const {
        const Token& t = tokens_[i_];
        if (!lex_.units.count(t.text)) return false;
        (void)weekday;
        if (r_.quantity || r_.vague_quantity) return true;
        if (r_.set) return !t.capitalized;
        if (direction_at(i_ + 1) || !r_.period_part.empty()) return !t.capitalized || (i_ == 0 && sentence_initial_);
        return !t.capitalized;
    }

    void unit_word(const UnitWord& u) {
        const Token& t = tokens_[i_];
        // "tahun 2012", "bulan Juli", "hari Senin", "jam 10": a lead word, not a unit
        bool leads = is_number(i_ + 1) || month_word_at(i_ + 1) ||
                     (i_ + 1 < tokens_.size() && lex_.weekdays.count(tokens_[i_ + 1].text) && t.text == "hari") ||
                     (t.text == "tahun" && is_word(i_ + 1, "anggaran"));
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
    bool prefixed_unit(const std::string& w) {
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
            std::string rest = w.substr(ber.size());
            std::size_t dash = rest.find('-');
            if (dash != std::string::npos && rest.substr(0, dash) == rest.substr(dash + 1)) {
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
    std::string_view span_;
    std::vector<Token> tokens_;
    bool sentence_initial_;
    std::size_t i_ = 0;
    Reading r_;
    bool in_range_end_ = false;
    bool opened_range_ = false;
};

}  // namespace

std::optional<Reading> interpret(const Lexicon& lexicon, std::string_view span, bool sentence_initial) {
    return Interpreter(lexicon, span, sentence_initial).run();
}

}  // namespace linimasa
