#include "document/title.h"

#include <re2/re2.h>

#include "text/latin_letters.h"
#include "text/lines.h"

namespace linimasa {

namespace {

// How far down the page the headline may be (Tempo puts a sign-in dialog first).
constexpr int kTopLines = 60;

int word_count(std::string_view s) {
    int words = 0;
    bool in_word = false;
    for (char c : s) {
        bool blank = c == ' ' || c == '\t';
        if (!blank && !in_word) ++words;
        in_word = !blank;
    }
    return words;
}

}  // namespace

bool is_date_line(std::string_view line) {
    // Selasa 15 Aug 2023 13:26 WIB · Senin, 29 Desember 2014 · Kamis, 14/09/2023 08:30
    // Day and month names are Latin words (see text/latin_letters.h), time zones ASCII.
    static const RE2 date(
        "(?:[" LM_LATIN_LETTERS "]+'?[" LM_LATIN_LETTERS "]*,?\\s+)?\\d{1,2}(?:\\s+[" LM_LATIN_LETTERS "]+\\.?\\s+|[/.-]\\d{1,2}[/.-])\\d{2,4}"
        "(?:,?\\s+(?:pukul\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[A-Za-z]{2,4})?)?");
    return RE2::FullMatch(line, date);
}

std::string find_title(std::string_view text, const Outlets& outlets) {
    int seen = 0;
    for (const LineSpan& span : split_lines(text)) {
        const LineSpan core = trim(text, span);
        if (core.empty()) continue;
        if (++seen > kTopLines) break;
        const std::string_view line = text.substr(core.begin, core.size());
        if (is_date_line(line) || !outlets.site_name(line).empty()) continue;
        if (auto dateline = outlets.dateline(line)) {
            if (trim(line, {dateline->length, line.size()}).empty()) continue;  // the dateline on its own
            return "";                                                          // the article has begun
        }
        if (word_count(line) < 3) continue;
        std::string_view end = line;
        while (!end.empty() && (end.back() == '"' || end.back() == ')' || end.ends_with("\xE2\x80\x9D")))
            end.remove_suffix(end.back() == '"' || end.back() == ')' ? 1 : 3);
        if (end.ends_with(".") && !end.ends_with("...")) return "";  // prose: no headline before it
        return std::string(line);
    }
    return "";
}

}  // namespace linimasa
