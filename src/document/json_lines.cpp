#include "document/json_lines.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace linimasa {

namespace {

// 1-based column, in characters, of a 0-based byte offset into a line.
int column_of(std::string_view line, std::size_t offset) {
    int column = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i)
        column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    return column;
}

// nlohmann's message without its prefix and without the "last read" echo, which may hold
// the very bytes that are not valid UTF-8.
std::string parse_message(const std::string& what) {
    std::string message = what;
    if (std::size_t at = message.find(": syntax error"); at != std::string::npos) message = message.substr(at + 2);
    if (std::size_t at = message.find("; last read: '"); at != std::string::npos) {
        std::size_t close = message.find("'", at + 14);
        message.erase(at, close == std::string::npos ? std::string::npos : close + 1 - at);
    }
    return "invalid JSON: " + message;
}

// Reads one record; on failure returns false with `problem` and the byte where it is.
class RecordReader {
public:
    RecordReader(std::string_view line, const nlohmann::json& record) : line_(line), record_(record) {}

    std::string problem;
    std::size_t at = 0;

    // A required or optional string field; `integer_ok` also accepts a whole number.
    bool field(const char* key, std::string& out, bool required, bool integer_ok = false) {
        auto it = record_.find(key);
        if (it == record_.end() || (it->is_null() && !required)) {
            if (!required) return true;
            return fail(std::string("missing field \"") + key + "\"", 0);
        }
        if (it->is_string()) {
            out = it->get<std::string>();
            return true;
        }
        if (integer_ok && it->is_number_integer()) {
            out = it->dump();
            return true;
        }
        return fail(std::string("field \"") + key + "\" must be a " + (integer_ok ? "string or an integer" : "string"),
                    key_offset(key));
    }

private:
    bool fail(std::string message, std::size_t offset) {
        problem = std::move(message);
        at = offset;
        return false;
    }

    // Where `"key"` is written in the line (0 if it cannot be found).
    std::size_t key_offset(const char* key) const {
        std::size_t found = line_.find(std::string("\"") + key + "\"");
        return found == std::string_view::npos ? 0 : found;
    }

    std::string_view line_;
    const nlohmann::json& record_;
};

}  // namespace

std::optional<Document> parse_json_line(std::string_view line, const std::string& name, int line_number,
                                        Diagnostics& diagnostics, const DocumentRules& rules) {
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    auto report = [&](std::size_t offset, std::string message, Severity severity = Severity::error) {
        diagnostics.push_back({name, line_number, column_of(line, offset), std::move(message), severity});
    };
    nlohmann::json record;
    try {
        record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
        report(e.byte > 0 ? e.byte - 1 : 0, parse_message(e.what()));
        return std::nullopt;
    }
    if (!record.is_object()) {
        report(0, "a JSON Lines record must be an object with \"id\" and \"text\"");
        return std::nullopt;
    }
    RecordReader reader(line, record);
    std::string id, text, published, url, outlet, title;
    if (!reader.field("id", id, true, true) || !reader.field("text", text, true) ||
        !reader.field("published", published, false) || !reader.field("url", url, false) ||
        !reader.field("outlet", outlet, false) || !reader.field("title", title, false)) {
        report(reader.at, reader.problem);
        return std::nullopt;
    }
    record = nullptr;  // the text now lives in `text`: do not hold it twice
    std::optional<date::sys_days> date;
    if (!published.empty()) {
        date = parse_published(published);
        if (!date) {
            std::size_t at = line.find("\"published\"");
            report(at == std::string_view::npos ? 0 : at,
                   "\"published\" is not a date (YYYY-MM-DD): '" + published + "'; read without it", Severity::warning);
        }
    }
    Document document{.id = std::move(id),
                      .origin = std::string(name).append(":").append(std::to_string(line_number)),
                      .text = DecodedText(std::move(text), Encoding::utf8, {}),
                      .title = std::move(title),
                      .outlet = std::move(outlet),
                      .url = std::move(url),
                      .published = date};
    find_title_and_outlet(document, rules);
    return document;
}

void read_json_lines(const InputFile& input, const std::function<void(Document&&)>& sink, Diagnostics& diagnostics,
                     const DocumentRules& rules) {
    std::string_view bytes = input.bytes;
    int line_number = 0;
    for (std::size_t begin = 0; begin < bytes.size();) {
        std::size_t newline = bytes.find('\n', begin);
        std::size_t end = newline == std::string_view::npos ? bytes.size() : newline;
        std::string_view line = bytes.substr(begin, end - begin);
        begin = end + 1;
        ++line_number;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        if (auto document = parse_json_line(line, input.name, line_number, diagnostics, rules))
            sink(std::move(*document));
    }
}

}  // namespace linimasa
