#include "document/outlets.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "text/latin_letters.h"
#include "text/lines.h"
#include "util/text_files.h"
#include "util/yaml_reading.h"

namespace linimasa {

namespace {

// How far down the page a dateline or site line may be: Tempo pages put a sign-in dialog,
// the headline, credits and a photo caption first.
constexpr int kTopLines = 60;

// The building blocks of a dateline (see the header for the shapes they cover).
// Whitespace includes the no-break space that scraped pages put after a dateline's comma.
// Letters are Latin ones (text/latin_letters.h): datelines of Indonesian news are written in
// Latin script, and Unicode's \p{L} would cost a millisecond of start-up per occurrence.
#define LM_SP "[\\s\\x{00A0}]"
#define LM_DASH "(?:--?|–|—)"
#define LM_DOMAIN "[" LM_LATIN_LETTERS "\\d][" LM_LATIN_LETTERS "\\d-]*(?:\\.[" LM_LATIN_LETTERS "\\d-]+)*\\.(?i:co\\.id|com|co|id|net|org|tv|news)"
#define LM_PLACE "[" LM_LATIN_CAPITALS "][" LM_LATIN_LETTERS "'.-]*(?:" LM_SP "[" LM_LATIN_CAPITALS "][" LM_LATIN_LETTERS "'.-]*){0,2}"
#define LM_NAME "[" LM_LATIN_CAPITALS "][" LM_LATIN_LETTERS "\\d.]*(?:" LM_SP "[" LM_LATIN_CAPITALS "\\d][" LM_LATIN_LETTERS "\\d.]*){0,3}"

const RE2& domain_name() {
    static const RE2 re(LM_DOMAIN);
    return re;
}

// A dateline shape; group 1 is the place (may be empty), group 2 the outlet. Bracketed
// outlets need no list.
struct DatelineShape {
    std::unique_ptr<RE2> re;
    bool bracketed;
};

const std::vector<DatelineShape>& dateline_shapes() {
    static const std::vector<DatelineShape> shapes = [] {
        std::vector<DatelineShape> v;
        auto add = [&v](const char* pattern, bool bracketed) { v.push_back({std::make_unique<RE2>(pattern), bracketed}); };
        add("(" LM_PLACE ")" LM_SP "*\\(([^()]{2,40})\\)" LM_SP "*" LM_DASH, true);  // JAKARTA (ANTARA) -
        add("()(" LM_DOMAIN "|" LM_NAME ")" LM_SP "*(?:," LM_SP "*" LM_PLACE LM_SP "*)?" LM_DASH, false);  // TEMPO.CO, Jakarta -
        add("(" LM_PLACE ")" LM_SP "*," LM_SP "*(" LM_DOMAIN "|" LM_NAME ")" LM_SP "*" LM_DASH, false);  // Jakarta, CNN Indonesia --
        add("()(" LM_DOMAIN ")," LM_SP "*[" LM_LATIN_CAPITALS "][" LM_LATIN_SMALL "]+", false);  // TEMPO.CO, JakartaPemimpin
        return v;
    }();
    return shapes;
}

// Lowercase ASCII with single spaces: the key under which spellings are looked up.
std::string normalised(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string_view trimmed(std::string_view text, LineSpan span) {
    LineSpan core = trim(text, span);
    return text.substr(core.begin, core.size());
}

}  // namespace

std::string Outlets::canonical(std::string_view spelling) const {
    auto it = spellings_.find(normalised(spelling));
    return it == spellings_.end() ? "" : it->second;
}

std::optional<Dateline> Outlets::dateline(std::string_view line) const {
    // Every shape has a dash after the outlet, or a domain name and a comma: a line with
    // neither (most lines of a page's top) is no dateline, and costs no RE2 search.
    const bool dash = line.find('-') != std::string_view::npos || line.find("\u2013") != std::string_view::npos ||
                      line.find("\u2014") != std::string_view::npos;
    if (!dash && (line.find(',') == std::string_view::npos || line.find('.') == std::string_view::npos))
        return std::nullopt;
    for (const DatelineShape& shape : dateline_shapes()) {
        // Asking for groups makes RE2 run its backtracker on small patterns, which costs far
        // more than its DFA on the many lines that are no dateline: the DFA says no first.
        if (!shape.re->Match(line, 0, line.size(), RE2::ANCHOR_START, nullptr, 0)) continue;
        re2::StringPiece groups[3];
        if (!shape.re->Match(line, 0, line.size(), RE2::ANCHOR_START, groups, 3)) continue;
        const std::string_view outlet(groups[2].data(), groups[2].size());
        std::string name = canonical(outlet);
        if (name.empty() && (shape.bracketed || RE2::FullMatch(outlet, domain_name()))) name = std::string(outlet);
        if (!name.empty()) return Dateline{name, groups[0].size()};
    }
    return std::nullopt;
}

std::string Outlets::site_name(std::string_view line) const { return canonical(line); }

std::string Outlets::find(std::string_view text) const {
    std::string site;
    int seen = 0;
    for (const LineSpan& span : split_lines(text)) {
        std::string_view line = trimmed(text, span);
        if (line.empty()) continue;
        if (++seen > kTopLines) break;
        if (auto d = dateline(line)) return d->outlet;
        if (site.empty()) site = site_name(line);
    }
    return site;
}

namespace {

class OutletReader {
public:
    OutletReader(const std::string& path, Diagnostics& diagnostics) : path_(path), diagnostics_(diagnostics) {}

    void error(const YAML::Node& node, const std::string& message) { YamlSource{path_, diagnostics_}.error(node, message); }

    void check_keys(const YAML::Node& map, const std::vector<std::string>& known) {
        YamlSource{path_, diagnostics_}.check_keys(map, known);
    }

    void outlets(const YAML::Node& list, std::unordered_map<std::string, std::string>& spellings) {
        if (!list.IsSequence()) {
            error(list, "'outlets' must be a list of {name, spellings}");
            return;
        }
        std::unordered_map<std::string, int> first_line;
        for (const auto& item : list) {
            if (!item.IsMap() || !item["name"] || !item["name"].IsScalar() || item["name"].Scalar().empty()) {
                error(item, "an outlet needs a 'name'");
                continue;
            }
            check_keys(item, {"name", "spellings"});
            const std::string name = item["name"].Scalar();
            auto [first, is_new] = first_line.emplace(name, item["name"].Mark().line + 1);
            if (!is_new) {
                error(item["name"], "duplicate outlet '" + name + "' (first at line " + std::to_string(first->second) + ")");
                continue;
            }
            add(spellings, item["name"], name);
            if (const YAML::Node more = item["spellings"]) {
                if (!more.IsSequence()) {
                    error(more, "'spellings' must be a list");
                    continue;
                }
                for (const auto& s : more) {
                    if (s.IsScalar() && !s.Scalar().empty()) add(spellings, s, name);
                    else error(s, "a spelling must be a non-empty string");
                }
            }
        }
    }

    void examples(const YAML::Node& list, std::vector<OutletExample>& out) {
        if (!list.IsSequence()) {
            error(list, "'examples' must be a list of {text, outlet}");
            return;
        }
        for (const auto& item : list) {
            if (!item.IsMap() || !item["text"] || !item["text"].IsScalar() || !item["outlet"] ||
                !item["outlet"].IsScalar()) {
                error(item, "an example needs 'text' and 'outlet' (\"\" for none)");
                continue;
            }
            check_keys(item, {"text", "outlet"});
            out.push_back({item["text"].Scalar(), item["outlet"].Scalar(), item["text"].Mark().line + 1,
                           item["text"].Mark().column + 1});
        }
    }

private:
    void add(std::unordered_map<std::string, std::string>& spellings, const YAML::Node& node, const std::string& name) {
        auto [it, inserted] = spellings.emplace(normalised(node.Scalar()), name);
        if (!inserted && it->second != name)
            error(node, "'" + node.Scalar() + "' is already a spelling of '" + it->second + "'");
    }

    const std::string& path_;
    Diagnostics& diagnostics_;
};

}  // namespace

OutletsLoad Outlets::parse(const std::string& yaml, const std::string& path) {
    OutletsLoad result;
    auto outlets = std::make_unique<Outlets>();
    outlets->path_ = path;
    OutletReader reader(path, result.diagnostics);
    try {
        YAML::Node root = load_yaml_text(yaml);
        if (!root.IsMap()) {
            reader.error(root, "the outlet rules must be a mapping with 'outlets' and 'examples'");
        } else {
            reader.check_keys(root, {"outlets", "examples"});
            if (root["outlets"]) reader.outlets(root["outlets"], outlets->spellings_);
            else reader.error(root, "missing key 'outlets'");
            if (root["examples"]) reader.examples(root["examples"], outlets->examples_);
        }
    } catch (const YAML::Exception& e) {
        result.diagnostics.push_back({path, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                                      e.mark.column >= 0 ? e.mark.column + 1 : 0, e.msg, Severity::error});
    }
    if (!has_errors(result.diagnostics)) result.outlets = std::move(outlets);
    return result;
}

OutletsLoad Outlets::load(const std::string& rules_dir) {
    const std::string path = rules_dir + "/outlets.yaml";
    auto text = read_text_file(path);
    if (!text) {
        OutletsLoad result;
        result.diagnostics.push_back({path, 0, 0, "cannot read the outlet rules", Severity::error});
        return result;
    }
    return parse(*text, path);
}

Diagnostics Outlets::check_examples() const {
    Diagnostics problems;
    for (const OutletExample& example : examples_) {
        std::string found = find(example.text);
        if (found == example.outlet) continue;
        problems.push_back({path_, example.line, example.column,
                            "finds outlet '" + found + "', expected '" + example.outlet + "'", Severity::error});
    }
    return problems;
}

}  // namespace linimasa
