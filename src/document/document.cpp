#include "document/document.h"

#include "document/json_lines.h"
#include "document/title.h"

namespace linimasa {

bool is_json_lines(const std::string& name) { return name.ends_with(".jsonl") || name.ends_with(".ndjson"); }

std::optional<date::sys_days> parse_published(std::string_view text) {
    auto digits = [&](std::size_t from, std::size_t count, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (text.size() < 10 || !digits(0, 4, y) || text[4] != '-' || !digits(5, 2, m) || text[7] != '-' ||
        !digits(8, 2, d))
        return std::nullopt;
    // A timestamp goes on with a time ("T13:26:00+07:00" or " 13:26"); its date is the one written.
    if (text.size() > 10 && text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
    date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd};
}

void find_title_and_outlet(Document& document, const DocumentRules& rules) {
    static const Outlets no_outlets;
    const Outlets& outlets = rules.outlets ? *rules.outlets : no_outlets;
    // Title and outlet sit in a page's first lines: reading (and unmasking) its head is enough,
    // and keeps this cost the same for a 4 KB article and a 100 MB one.
    constexpr std::size_t kHead = 16 * 1024;
    std::string_view text = document.text.utf8();
    if (text.size() > kHead) {
        const std::size_t cut = text.rfind('\n', kHead);
        text = text.substr(0, cut == std::string_view::npos ? kHead : cut + 1);
    }
    if (document.outlet.empty()) document.outlet = outlets.find(text);
    if (!document.title.empty()) return;
    if (!rules.boilerplate) {
        document.title = find_title(text, outlets);
        return;
    }
    std::string masked = rules.boilerplate->masked(text);
    document.title = find_title(masked, outlets);
    // A page that fits in its head is now masked whole: the extractor need not do it again.
    if (text.size() == document.text.utf8().size()) document.body = std::move(masked);
}

std::optional<Document> make_document(DocumentSource source, Diagnostics& diagnostics, const DocumentRules& rules) {
    if (source.line > 0) return parse_json_line(source.bytes, source.name, source.line, diagnostics, rules);
    DecodeResult decoded = decode_article(source.bytes, source.name);
    diagnostics.insert(diagnostics.end(), decoded.diagnostics.begin(), decoded.diagnostics.end());
    if (!decoded.text) return std::nullopt;
    Document document{.id = source.name, .origin = source.name, .text = std::move(*decoded.text)};
    find_title_and_outlet(document, rules);
    return document;
}

void read_documents(const InputFile& input, const std::function<void(Document&&)>& sink, Diagnostics& diagnostics,
                    const DocumentRules& rules) {
    if (is_json_lines(input.name)) {
        read_json_lines(input, sink, diagnostics, rules);
        return;
    }
    if (auto document = make_document({input.name, 0, input.bytes}, diagnostics, rules)) sink(std::move(*document));
}

}  // namespace linimasa
