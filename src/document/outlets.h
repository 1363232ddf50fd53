// Which news outlet published an article, from its dateline or its site line.
//
//   OutletsLoad load = Outlets::load("rules");                 // rules/outlets.yaml
//   if (!load.outlets) report(load.diagnostics);
//   std::string outlet = load.outlets->find(text);            // "TEMPO.CO", "" if none
//
// Datelines are recognised by their shape, at the start of a line near the top:
//   TEMPO.CO, Jakarta -         REPUBLIKA.CO.ID, PYONGYANG --     KOMPAS.com -
//   JAKARTA, KOMPAS.com —       Jakarta, CNN Indonesia --         JAKARTA (ANTARA) -
//   SuaraMalang.id -            TEMPO.CO, JakartaPemimpin ...     (a scraped page lost the dash)
// An outlet in brackets or with a domain name (`.co`, `.com`, `.id`, `.co.id`, ...) needs no
// list; a plain name (`CNN Indonesia`) must be one of the spellings in rules/outlets.yaml,
// which also gives every outlet its canonical name (`Tempo.co` → `TEMPO.CO`). Without a
// dateline, a line near the top that is exactly a known spelling (`Tempo.co`) names it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/diagnostic.h"

namespace linimasa {

// A dateline at the start of a line: the outlet it names and the byte length of the
// dateline itself (up to and including its dash, or up to the glued first word).
struct Dateline {
    std::string outlet;
    std::size_t length = 0;
};

// An example of rules/outlets.yaml: a text and the outlet to find in it ("" for none).
struct OutletExample {
    std::string text;
    std::string outlet;
    int line = 0;
    int column = 0;
};

class Outlets;

struct OutletsLoad {
    std::unique_ptr<Outlets> outlets;  // empty when the file has errors
    Diagnostics diagnostics;
};

class Outlets {
public:
    // No known names: only bracketed and domain-name outlets are recognised.
    Outlets() = default;
    // Loads `rules_dir`/outlets.yaml.
    static OutletsLoad load(const std::string& rules_dir);
    // Parses outlet rules from YAML text; `path` names it in diagnostics.
    static OutletsLoad parse(const std::string& yaml, const std::string& path);

    // The outlet of an article: its dateline's, else its site line's; "" when neither is
    // within the first lines.
    std::string find(std::string_view text) const;
    // The dateline at the start of `line`, if it has one.
    std::optional<Dateline> dateline(std::string_view line) const;
    // The canonical name when `line` (trimmed) is exactly a known spelling, else "".
    std::string site_name(std::string_view line) const;

    // Runs the examples of the rule file; a wrong answer is reported at the example.
    Diagnostics check_examples() const;

private:
    std::string canonical(std::string_view spelling) const;

    std::string path_;
    std::unordered_map<std::string, std::string> spellings_;  // normalised spelling -> canonical name
    std::vector<OutletExample> examples_;
};

}  // namespace linimasa
