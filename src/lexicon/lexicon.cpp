#include "lexicon/lexicon.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "util/yaml_reading.h"

namespace linimasa {

namespace {
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
}  // namespace

void append_normalized(std::string_view text, std::string& out) {
    const std::size_t first = out.size();
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            pending_space = out.size() > first;
            continue;
        }
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            pending_space = out.size() > first;
            ++i;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        // ’ (U+2019) and ‘ (U+2018) are written as an ASCII apostrophe; one that ends a word
        // (Isra' Mi'raj) is dropped, as the interpreter drops it
        std::size_t apostrophe = c == '\'' ? 1
                                 : (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                                    (static_cast<unsigned char>(text[i + 2]) == 0x99 ||
                                     static_cast<unsigned char>(text[i + 2]) == 0x98))
                                     ? 3
                                     : 0;
        if (apostrophe) {
            std::size_t next = i + apostrophe;
            bool word_final = out.size() > first && is_ascii_letter(out.back()) &&
                              (next >= text.size() || text[next] == ' ' || text[next] == '\t');
            if (!word_final) out += '\'';
            i = next - 1;
            continue;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
}

std::string_view normalize_phrase_into(std::string_view text, std::string& out) {
    out.clear();
    append_normalized(text, out);
    return out;
}

std::string normalize_phrase(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    normalize_phrase_into(text, out);
    return out;
}

namespace {

// Reads one YAML document into a Lexicon, collecting diagnostics as it goes.
class LexiconReader {
public:
    LexiconReader(Lexicon& lex, Diagnostics& diags, const std::string& source)
        : lex_(lex), diags_(diags), source_(source) {}

    void read(const YAML::Node& root) {
        if (!root.IsMap()) {
            error(root, "the lexicon must be a mapping of sections");
            return;
        }
        const auto sections = section_readers();
        std::vector<std::string> known;
        for (const auto& [name, _] : sections) known.push_back(name);
        for (const auto& entry : root) {
            std::string key = entry.first.as<std::string>();
            auto it = sections.find(key);
            if (it == sections.end()) {
                std::string hint = closest_match(key, known);
                error(entry.first, "unknown section '" + key + "'" +
                                       (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
                continue;
            }
            seen_.insert(key);
            it->second(entry.second);
        }
        for (const auto& name : known)
            if (!seen_.count(name)) error(root, "missing section '" + name + "'");
    }

private:
    using SectionReader = std::function<void(const YAML::Node&)>;

    std::map<std::string, SectionReader> section_readers() {
        std::map<std::string, SectionReader> r;
        r["months"] = [this](const YAML::Node& n) { int_map(n, "months", lex_.months, 1, 12); };
        r["month_abbreviations"] = [this](const YAML::Node& n) {
            int_map(n, "month_abbreviations", lex_.month_abbreviations, 1, 12);
        };
        r["weekdays"] = [this](const YAML::Node& n) { int_map(n, "weekdays", lex_.weekdays, 1, 7); };
        r["numbers"] = [this](const YAML::Node& n) { int_map(n, "numbers", lex_.numbers, 0, 1000000); };
        r["number_scales"] = [this](const YAML::Node& n) { number_scales(n); };
        r["fractions"] = [this](const YAML::Node& n) {
            map_section<double>(n, "fractions", lex_.fractions, [&](const YAML::Node& v) -> std::optional<double> {
                double value = 0;
                if (!v.IsScalar() || !YAML::convert<double>::decode(v, value) || value <= 0 || value >= 1) {
                    error(v, "expected a fraction between 0 and 1, e.g. 0.5");
                    return std::nullopt;
                }
                return value;
            });
        };
        r["one_prefix"] = [this](const YAML::Node& n) {
            lex_.one_prefix = word(n);
            remember("one_prefix", lex_.one_prefix);
        };
        r["vague_quantities"] = [this](const YAML::Node& n) { word_set(n, "vague_quantities", lex_.vague_quantities); };
        r["reduplication_prefix"] = [this](const YAML::Node& n) {
            lex_.reduplication_prefix = word(n);
            remember("reduplication_prefix", lex_.reduplication_prefix);
        };
        r["units"] = [this](const YAML::Node& n) { units(n); };
        r["relative_days"] = [this](const YAML::Node& n) { relative_days(n); };
        r["day_parts"] = [this](const YAML::Node& n) {
            code_map(n, "day_parts", lex_.day_parts, {"MO", "MI", "AF", "EV", "NI", "DT"});
        };
        r["period_parts"] = [this](const YAML::Node& n) {
            code_map(n, "period_parts", lex_.period_parts, {"START", "MID", "END"});
        };
        r["directions"] = [this](const YAML::Node& n) { directions(n); };
        r["approximators"] = [this](const YAML::Node& n) {
            code_map(n, "approximators", lex_.approximators,
                     {"APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", "BEFORE", "AFTER"});
        };
        r["set_markers"] = [this](const YAML::Node& n) { word_set(n, "set_markers", lex_.set_markers); };
        r["vague_references"] = [this](const YAML::Node& n) {
            code_map(n, "vague_references", lex_.vague_references, {"PRESENT_REF", "PAST_REF", "FUTURE_REF"});
        };
        r["past_ref_needs_context"] = [this](const YAML::Node& n) { past_ref_context(n); };
        r["named_days"] = [this](const YAML::Node& n) { named_days(n); };
        r["period_units"] = [this](const YAML::Node& n) { period_units(n); };
        r["ordinals"] = [this](const YAML::Node& n) { int_map(n, "ordinals", lex_.ordinals, 1, 4); };
        r["seasons"] = [this](const YAML::Node& n) { code_map(n, "seasons", lex_.seasons, {"SP", "SU", "FA", "WI"}); };
        r["time_zones"] = [this](const YAML::Node& n) { time_zones(n); };
        r["range_words"] = [this](const YAML::Node& n) { range_words(n); };
        r["future_cues"] = [this](const YAML::Node& n) { word_set(n, "future_cues", lex_.future_cues); };
        r["past_cues"] = [this](const YAML::Node& n) { word_set(n, "past_cues", lex_.past_cues); };
        r["future_prepositions"] = [this](const YAML::Node& n) {
            word_set(n, "future_prepositions", lex_.future_prepositions);
        };
        r["age_words"] = [this](const YAML::Node& n) { word_set(n, "age_words", lex_.age_words); };
        r["meal_words"] = [this](const YAML::Node& n) { word_set(n, "meal_words", lex_.meal_words); };
        r["day_part_leads"] = [this](const YAML::Node& n) { word_set(n, "day_part_leads", lex_.day_part_leads); };
        r["set_list_joiners"] = [this](const YAML::Node& n) { word_set(n, "set_list_joiners", lex_.set_list_joiners); };
        r["reference_words"] = [this](const YAML::Node& n) { word_set(n, "reference_words", lex_.reference_words); };
        r["name_reference_words"] = [this](const YAML::Node& n) {
            word_set(n, "name_reference_words", lex_.name_reference_words);
        };
        r["count_leads"] = [this](const YAML::Node& n) { word_set(n, "count_leads", lex_.count_leads); };
        r["dateline_outlets"] = [this](const YAML::Node& n) {
            WordSet outlets;
            word_set(n, "dateline_outlets", outlets);
            lex_.dateline_outlets.assign(outlets.begin(), outlets.end());
        };
        r["copyright_marks"] = [this](const YAML::Node& n) {
            WordSet marks;
            word_set(n, "copyright_marks", marks);
            lex_.copyright_marks.assign(marks.begin(), marks.end());
        };
        r["dateline_words"] = [this](const YAML::Node& n) {
            code_map(n, "dateline_words", lex_.dateline_words, {"published", "updated"});
        };
        r["count_nouns"] = [this](const YAML::Node& n) { word_set(n, "count_nouns", lex_.count_nouns); };
        r["year_prepositions"] = [this](const YAML::Node& n) {
            word_set(n, "year_prepositions", lex_.year_prepositions);
        };
        r["weekday_name_words"] = [this](const YAML::Node& n) {
            word_set(n, "weekday_name_words", lex_.weekday_name_words);
        };
        r["date_name_words"] = [this](const YAML::Node& n) { word_set(n, "date_name_words", lex_.date_name_words); };
        r["non_time_phrases"] = [this](const YAML::Node& n) { word_set(n, "non_time_phrases", lex_.non_time_phrases); };
        r["century_words"] = [this](const YAML::Node& n) { word_set(n, "century_words", lex_.century_words); };
        r["grammar"] = [this](const YAML::Node& n) { grammar(n); };
        return r;
    }

    void error(const YAML::Node& node, const std::string& message) {
        auto mark = node.Mark();
        diags_.push_back({lex_.path, mark.line >= 0 ? mark.line + 1 : 0, mark.column >= 0 ? mark.column + 1 : 0,
                          message, Severity::error});
    }

    std::string word(const YAML::Node& n) {
        if (!n.IsScalar() || n.Scalar().empty()) {
            error(n, "expected a word");
            return {};
        }
        return normalize_phrase(n.Scalar());
    }

    // Records a word of a section, for the grammar and for the longest-phrase bound.
    void remember(const std::string& section, const std::string& phrase) {
        lex_.section_words[section].push_back(phrase);
        std::size_t space = 0;
        while (space != std::string::npos) {  // each word of the phrase that has a hyphen
            std::size_t next = phrase.find(' ', space ? space + 1 : 0);
            std::string w = phrase.substr(space ? space + 1 : 0, next == std::string::npos ? std::string::npos : next - (space ? space + 1 : 0));
            if (w.find('-') != std::string::npos && w.size() > 1) lex_.hyphenated_words.insert(w);
            space = next;
        }
        int words = 1;
        for (char c : phrase) words += c == ' ';
        lex_.longest_phrase = std::max(lex_.longest_phrase, words);
    }

    bool expect_map(const YAML::Node& n, const std::string& section) {
        if (n.IsMap()) return true;
        error(n, "section '" + section + "' must be a mapping of word: value");
        return false;
    }

    template <class T, class Convert>
    void map_section(const YAML::Node& n, const std::string& section, WordMap<T>& out, Convert convert) {
        if (!expect_map(n, section)) return;
        for (const auto& entry : n) {
            std::string key = word(entry.first);
            if (key.empty()) continue;
            std::optional<T> value = convert(entry.second);
            if (!value) continue;
            if (!out.emplace(key, *value).second) {
                error(entry.first, "duplicate entry '" + key + "' in '" + section + "'");
                continue;
            }
            remember(section, key);
        }
    }

    void int_map(const YAML::Node& n, const std::string& section, WordMap<int>& out, int lo, int hi) {
        map_section<int>(n, section, out, [&](const YAML::Node& v) -> std::optional<int> {
            int value = 0;
            if (!v.IsScalar() || !YAML::convert<int>::decode(v, value) || value < lo || value > hi) {
                error(v, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
                return std::nullopt;
            }
            return value;
        });
    }

    void code_map(const YAML::Node& n, const std::string& section, WordMap<std::string>& out,
                  const std::vector<std::string>& codes) {
        map_section<std::string>(n, section, out, [&](const YAML::Node& v) -> std::optional<std::string> {
            std::string code = v.IsScalar() ? v.Scalar() : "";
            if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
                std::string list;
                for (const auto& c : codes) list += (list.empty() ? "" : ", ") + c;
                std::string hint = closest_match(code, codes);
                error(v, "'" + code + "' is not one of " + list + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
                return std::nullopt;
            }
            return code;
        });
    }

    void word_set(const YAML::Node& n, const std::string& section, WordSet& out) {
        if (!n.IsSequence()) {
            error(n, "section '" + section + "' must be a list of words");
            return;
        }
        for (const auto& item : n) {
            std::string w = word(item);
            if (w.empty()) continue;
            if (!out.insert(w).second) error(item, "duplicate entry '" + w + "' in '" + section + "'");
            else remember(section, w);
        }
    }

    // A mapping value with only the allowed keys; reports unknown ones.
    bool check_keys(const YAML::Node& v, const std::vector<std::string>& allowed) {
        if (!v.IsMap()) return false;
        bool ok = true;
        for (const auto& e : v) {
            std::string k = e.first.as<std::string>();
            if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
                std::string hint = closest_match(k, allowed);
                error(e.first, "unknown key '" + k + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
                ok = false;
            }
        }
        return ok;
    }

    std::optional<int> int_field(const YAML::Node& v, const char* key, int lo, int hi) {
        int value = 0;
        const YAML::Node f = v[key];
        if (!f || !f.IsScalar() || !YAML::convert<int>::decode(f, value) || value < lo || value > hi) {
            error(f ? f : v, std::string("'") + key + "' must be a whole number from " + std::to_string(lo) +
                                 " to " + std::to_string(hi));
            return std::nullopt;
        }
        return value;
    }

    void number_scales(const YAML::Node& n) {
        map_section<NumberScale>(n, "number_scales", lex_.number_scales, [&](const YAML::Node& v) -> std::optional<NumberScale> {
            if (!check_keys(v, {"add", "times"}) || v.size() != 1) {
                error(v, "a number scale is {add: N} or {times: N}");
                return std::nullopt;
            }
            NumberScale s;
            if (v["add"]) {
                auto a = int_field(v, "add", 1, 1000000);
                if (!a) return std::nullopt;
                s.add = *a;
            } else {
                auto t = int_field(v, "times", 2, 1000000);
                if (!t) return std::nullopt;
                s.times = *t;
            }
            return s;
        });
    }

    std::optional<TimeUnit> time_unit(const YAML::Node& v) {
        static const std::map<std::string, TimeUnit> names = {
            {"second", TimeUnit::second}, {"minute", TimeUnit::minute}, {"hour", TimeUnit::hour},
            {"day", TimeUnit::day}, {"week", TimeUnit::week}, {"month", TimeUnit::month}, {"year", TimeUnit::year}};
        std::string s = v.IsScalar() ? v.Scalar() : "";
        auto it = names.find(s);
        if (it == names.end()) {
            std::vector<std::string> known;
            for (const auto& [k, _] : names) known.push_back(k);
            std::string hint = closest_match(s, known);
            error(v, "unknown unit '" + s + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
            return std::nullopt;
        }
        return it->second;
    }

    void units(const YAML::Node& n) {
        map_section<UnitWord>(n, "units", lex_.units, [&](const YAML::Node& v) -> std::optional<UnitWord> {
            UnitWord u;
            if (v.IsScalar()) {
                auto unit = time_unit(v);
                if (!unit) return std::nullopt;
                u.unit = *unit;
                return u;
            }
            if (!check_keys(v, {"unit", "times"}) || !v["unit"]) {
                error(v, "a unit is a unit name or {unit: NAME, times: N}");
                return std::nullopt;
            }
            auto unit = time_unit(v["unit"]);
            if (!unit) return std::nullopt;
            u.unit = *unit;
            if (v["times"]) {
                auto t = int_field(v, "times", 1, 1000);
                if (!t) return std::nullopt;
                u.times = *t;
            }
            return u;
        });
    }

    void relative_days(const YAML::Node& n) {
        map_section<RelativeDay>(n, "relative_days", lex_.relative_days, [&](const YAML::Node& v) -> std::optional<RelativeDay> {
            RelativeDay r;
            if (v.IsScalar()) {
                if (!YAML::convert<int>::decode(v, r.offset) || r.offset < -7 || r.offset > 7) {
                    error(v, "expected a day offset from -7 to 7");
                    return std::nullopt;
                }
                return r;
            }
            if (!check_keys(v, {"offset", "part"})) {
                error(v, "a relative day is an offset or {offset: N, part: CODE}");
                return std::nullopt;
            }
            auto o = int_field(v, "offset", -7, 7);
            if (!o) return std::nullopt;
            r.offset = *o;
            if (v["part"]) r.day_part = v["part"].as<std::string>();
            static const std::vector<std::string> parts = {"MO", "MI", "AF", "EV", "NI"};
            if (!r.day_part.empty() && std::find(parts.begin(), parts.end(), r.day_part) == parts.end()) {
                error(v["part"], "'" + r.day_part + "' is not a part of day (MO, MI, AF, EV, NI)");
                return std::nullopt;
            }
            return r;
        });
    }

    void directions(const YAML::Node& n) {
        static const std::map<std::string, Direction> names = {
            {"past", Direction::past}, {"this", Direction::this_one}, {"next", Direction::next},
            {"upcoming", Direction::upcoming}, {"ahead", Direction::ahead},
            {"before_focus", Direction::before_focus}, {"after_focus", Direction::after_focus},
            {"span_back", Direction::span_back}, {"span_forward", Direction::span_forward}};
        map_section<Direction>(n, "directions", lex_.directions, [&](const YAML::Node& v) -> std::optional<Direction> {
            std::string s = v.IsScalar() ? v.Scalar() : "";
            auto it = names.find(s);
            if (it == names.end()) {
                std::vector<std::string> known;
                for (const auto& [k, _] : names) known.push_back(k);
                std::string hint = closest_match(s, known);
                error(v, "unknown direction '" + s + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
                return std::nullopt;
            }
            return it->second;
        });
    }

    void past_ref_context(const YAML::Node& n) {
        if (!check_keys(n, {"words", "after"}) || !n["words"] || !n["after"]) {
            error(n, "past_ref_needs_context needs 'words' and 'after' lists");
            return;
        }
        word_set(n["words"], "past_ref_needs_context", lex_.past_ref_context_words);
        WordSet after;
        if (!n["after"].IsSequence()) {
            error(n["after"], "'after' must be a list of words");
            return;
        }
        for (const auto& item : n["after"]) lex_.past_ref_context_after.insert(word(item));
    }

    void named_days(const YAML::Node& n) {
        auto month_day = [&](const YAML::Node& v) -> std::optional<MonthDay> {
            std::string s = v.IsScalar() ? v.Scalar() : "";
            MonthDay md;
            char dash = 0;
            std::istringstream in(s);
            if (!(in >> md.month >> dash >> md.day) || dash != '-' || md.month < 1 || md.month > 12 || md.day < 1 ||
                md.day > 31 || !in.eof()) {
                error(v, "a named day is written MM-DD, e.g. 08-17, or as a mapping of years to MM-DD");
                return std::nullopt;
            }
            return md;
        };
        map_section<MonthDay>(n, "named_days", lex_.named_days, [&](const YAML::Node& v) -> std::optional<MonthDay> {
            if (!v.IsMap()) return month_day(v);
            // a movable feast: {2024: 04-10, 2025: 03-31}
            auto table = std::make_shared<std::map<int, std::pair<int, int>>>();
            for (const auto& entry : v) {
                int y = 0;
                if (!entry.first.IsScalar() || !YAML::convert<int>::decode(entry.first, y) || y < 1000 || y > 2999) {
                    error(entry.first, "expected a year such as 2024");
                    return std::nullopt;
                }
                auto md = month_day(entry.second);
                if (!md) return std::nullopt;
                if (!table->emplace(y, std::pair{md->month, md->day}).second) {
                    error(entry.first, "year " + std::to_string(y) + " given twice");
                    return std::nullopt;
                }
            }
            if (table->empty()) {
                error(v, "a movable named day needs at least one year");
                return std::nullopt;
            }
            MonthDay md;
            md.month = 0;
            md.day = 0;
            md.by_year = std::move(table);
            return md;
        });
    }

    void period_units(const YAML::Node& n) {
        map_section<char>(n, "period_units", lex_.period_units, [&](const YAML::Node& v) -> std::optional<char> {
            std::string s = v.IsScalar() ? v.Scalar() : "";
            if (s != "Q" && s != "H") {
                error(v, "a period unit is Q (quarter) or H (half year)");
                return std::nullopt;
            }
            return s[0];
        });
    }

    void time_zones(const YAML::Node& n) {
        map_section<std::string>(n, "time_zones", lex_.time_zones, [&](const YAML::Node& v) -> std::optional<std::string> {
            std::string s = v.IsScalar() ? v.Scalar() : "";
            bool ok = s.size() == 6 && (s[0] == '+' || s[0] == '-') && std::isdigit(static_cast<unsigned char>(s[1])) &&
                      std::isdigit(static_cast<unsigned char>(s[2])) && s[3] == ':' &&
                      std::isdigit(static_cast<unsigned char>(s[4])) && std::isdigit(static_cast<unsigned char>(s[5]));
            if (!ok) {
                error(v, "a time zone offset is written +HH:MM");
                return std::nullopt;
            }
            return s;
        });
    }

    void range_words(const YAML::Node& n) {
        if (!check_keys(n, {"separators", "opener", "opener_separator"}) || !n["separators"]) {
            error(n, "range_words needs 'separators', 'opener' and 'opener_separator'");
            return;
        }
        word_set(n["separators"], "range_words", lex_.range_separators);
        if (n["opener"]) lex_.range_opener = word(n["opener"]);
        if (n["opener_separator"]) lex_.range_opener_separator = word(n["opener_separator"]);
    }

    void grammar(const YAML::Node& n) {
        if (!expect_map(n, "grammar")) return;
        for (const auto& entry : n) {
            GrammarFragment f;
            f.name = entry.first.as<std::string>();
            if (!entry.second.IsScalar()) {
                error(entry.second, "grammar fragment '" + f.name + "' must be a pattern string");
                continue;
            }
            f.pattern = entry.second.Scalar();
            auto mark = entry.second.Mark();
            f.line = mark.line + 1;
            // the column of the pattern's first character, after an opening quote if there is one
            bool quoted = mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < source_.size() &&
                          (source_[mark.pos] == '\'' || source_[mark.pos] == '"');
            f.column = mark.column + 1 + (quoted ? 1 : 0);
            lex_.grammar.push_back(std::move(f));
        }
    }

    Lexicon& lex_;
    Diagnostics& diags_;
    const std::string& source_;
    std::unordered_set<std::string> seen_;
};

}  // namespace

LexiconLoad parse_lexicon(const std::string& yaml, const std::string& path) {
    LexiconLoad result;
    Lexicon lex;
    lex.path = path;
    try {
        YAML::Node root = load_yaml_text(yaml);
        LexiconReader(lex, result.diagnostics, yaml).read(root);
    } catch (const YAML::Exception& e) {
        result.diagnostics.push_back({path, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                                      e.mark.column >= 0 ? e.mark.column + 1 : 0, e.msg, Severity::error});
    }
    if (!has_errors(result.diagnostics)) result.lexicon = std::move(lex);
    return result;
}

LexiconLoad load_lexicon(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LexiconLoad result;
        result.diagnostics.push_back({path, 0, 0, "cannot read the lexicon file", Severity::error});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_lexicon(text.str(), path);
}

}  // namespace linimasa
