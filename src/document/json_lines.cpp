#include "document/json_lines.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <string_view>

#include "util/json_messages.h"

namespace linimasa {

namespace {

// The fields of a record that a document is made of (absent ones empty).
struct RecordFields {
    std::string id, text, published, url, outlet, title;
};

// 1-based column, in characters, of a 0-based byte offset into a line.
int column_of(std::string_view line, std::size_t offset) {
    int column = 1;
    for (std::size_t i = 0; i < offset && i < line.size(); ++i)
        column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    return column;
}

// --- The fast path: simdjson --------------------------------------------------------------
//
// It reads only the common shape, an object whose values are all strings, and leaves
// everything else (numbers, nulls, nested values, any error) to the nlohmann path below, so
// what is accepted and every message stay exactly those of that path: On Demand does not
// check the values it skips, and its messages carry no position.

// Lines up to this size reuse their thread's parser and buffer; a longer one gets its own,
// so that one huge record does not keep its memory for the rest of the run.
constexpr std::size_t kReusedBytes = std::size_t{1} << 20;

// The field of `fields` that `key` names, or nullptr.
std::string* slot_of(RecordFields& fields, std::string_view key) {
    if (key == "id") return &fields.id;
    if (key == "text") return &fields.text;
    if (key == "published") return &fields.published;
    if (key == "url") return &fields.url;
    if (key == "outlet") return &fields.outlet;
    if (key == "title") return &fields.title;
    return nullptr;
}

bool read_with_simdjson(simdjson::ondemand::parser& parser, std::string& buffer, std::string_view line,
                        RecordFields& fields) {
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; spaces there are harmless.
    buffer.assign(line);
    buffer.append(simdjson::SIMDJSON_PADDING, ' ');
    simdjson::ondemand::document doc;
    if (parser.iterate(simdjson::padded_string_view(buffer.data(), line.size(), buffer.size())).get(doc)) return false;
    simdjson::ondemand::object object;
    if (doc.get_object().get(object)) return false;
    bool has_id = false, has_text = false;
    for (auto result : object) {
        simdjson::ondemand::field field;
        std::string_view key, value;
        if (std::move(result).get(field) || field.unescaped_key().get(key) || field.value().get_string().get(value)) return false;
        std::string* slot = slot_of(fields, key);
        if (slot == nullptr) continue;
        slot->assign(value);  // a repeated key: the last one counts, as in nlohmann's object
        has_id = has_id || slot == &fields.id;
        has_text = has_text || slot == &fields.text;
    }
    // Nothing may follow the object (nlohmann would stop at a NUL byte: left to it).
    return has_id && has_text && doc.current_location().error() == simdjson::OUT_OF_BOUNDS;
}

// The record's fields when it has the common shape (see above); false leaves the line to nlohmann.
bool read_fast(std::string_view line, RecordFields& fields) {
    if (line.size() > kReusedBytes) {
        simdjson::ondemand::parser parser;
        std::string buffer;
        return read_with_simdjson(parser, buffer, line, fields);
    }
    // One parser per thread: documents are made on several workers at once.
    thread_local simdjson::ondemand::parser parser;
    thread_local std::string buffer;
    return read_with_simdjson(parser, buffer, line, fields);
}

// --- The complete path: nlohmann ----------------------------------------------------------

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

// Any record, or its problem reported at its byte offset (then false).
template <typename Report>
bool read_with_nlohmann(std::string_view line, RecordFields& fields, const Report& report) {
    nlohmann::json record;
    try {
        record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
        report(e.byte > 0 ? e.byte - 1 : 0, "invalid JSON: " + json_syntax_error(e.what()));
        return false;
    } catch (const nlohmann::json::exception& e) {
        // Valid JSON that nlohmann cannot hold: a number beyond a double (1e400), wherever it
        // is. Its message ends with the number, which is where the line is reported.
        report(json_number_offset(line, e.what()), "invalid JSON: " + json_library_error(e.what()));
        return false;
    }
    if (!record.is_object()) {
        report(0, "a JSON Lines record must be an object with \"id\" and \"text\"");
        return false;
    }
    RecordReader reader(line, record);
    if (!reader.field("id", fields.id, true, true) || !reader.field("text", fields.text, true) ||
        !reader.field("published", fields.published, false) || !reader.field("url", fields.url, false) ||
        !reader.field("outlet", fields.outlet, false) || !reader.field("title", fields.title, false)) {
        report(reader.at, reader.problem);
        return false;
    }
    return true;
}

}  // namespace

std::optional<Document> parse_json_line(std::string_view line, const std::string& name, int line_number,
                                        Diagnostics& diagnostics, const DocumentRules& rules) {
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    auto report = [&](std::size_t offset, std::string message, Severity severity = Severity::error) {
        diagnostics.push_back({name, line_number, column_of(line, offset), std::move(message), severity});
    };
    RecordFields fields;
    if (!read_fast(line, fields)) {
        fields = RecordFields();
        if (!read_with_nlohmann(line, fields, report)) return std::nullopt;
    }
    std::optional<date::sys_days> date;
    if (!fields.published.empty()) {
        date = parse_published(fields.published);
        if (!date) {
            std::size_t at = line.find("\"published\"");
            report(at == std::string_view::npos ? 0 : at,
                   "\"published\" is not a date (YYYY-MM-DD): '" + fields.published + "'; read without it",
                   Severity::warning);
        }
    }
    Document document{.id = std::move(fields.id),
                      .origin = std::string(name).append(":").append(std::to_string(line_number)),
                      .text = DecodedText(std::move(fields.text), Encoding::utf8, {}),
                      .title = std::move(fields.title),
                      .outlet = std::move(fields.outlet),
                      .url = std::move(fields.url),
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
