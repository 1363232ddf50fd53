// Shared by the fuzz targets: the shipped rules (loaded once per process), a UTF-8 check,
// and the abort that turns a broken promise of an API into a finding.
//
//   const DocumentRules& rules = fuzz::document_rules();   // outlets + furniture from rules/
//   if (!fuzz::valid_utf8(doc.title)) fuzz::fail("title is not UTF-8");
//
// A target only proves what it checks: besides "no crash, no sanitizer report", each one
// asserts the promises its API's header makes (offsets inside the text, mentions in order,
// UTF-8 out), so that a wrong answer is a finding too, not just a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "boilerplate/boilerplate.h"
#include "document/document.h"
#include "document/outlets.h"

namespace linimasa::fuzz {

// The rules folder of the source tree (set by fuzz/meson.build).
inline constexpr const char* kRulesDir = LINIMASA_SOURCE_RULES;

// Reports a broken invariant and aborts, which libFuzzer (or the standalone driver's
// caller) records as a crash with the input that caused it.
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

// Loads a shipped rule file's result once; a shipped file that does not load is a broken
// checkout, not a finding, but it still has to stop the run.
template <class T>
const T& require_loaded(const T* loaded, const char* what) {
    if (!loaded) fail(what);
    return *loaded;
}

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// Written out here rather than borrowed from src/ so that it checks the decoder independently.
inline bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < n; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n;
    }
    return true;
}

// The outlet and furniture rules of rules/, as read_documents gets them in a real run.
inline const DocumentRules& document_rules() {
    static const OutletsLoad outlets = Outlets::load(kRulesDir);
    static const BoilerplateLoad furniture = Boilerplate::load(kRulesDir);
    static const DocumentRules rules{&require_loaded(outlets.outlets.get(), "rules/outlets.yaml does not load"),
                                     &require_loaded(furniture.boilerplate.get(), "rules/boilerplate.yaml does not load")};
    return rules;
}

// The fuzzer's bytes as a string view.
inline std::string_view as_bytes(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace linimasa::fuzz
