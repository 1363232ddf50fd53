#include "output/event_records.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <array>
#include <charconv>

#include "util/json_messages.h"

namespace linimasa {

using nlohmann::ordered_json;

namespace {

// Which bytes a JSON string must escape: the quote, the backslash and control characters.
constexpr std::array<bool, 256> kEscaped = [] {
    std::array<bool, 256> escaped{};
    for (int c = 0; c < 0x20; ++c) escaped[static_cast<std::size_t>(c)] = true;
    escaped['"'] = escaped['\\'] = true;
    return escaped;
}();

// Appends a JSON string literal the way nlohmann::json::dump writes it (the text is valid
// UTF-8, kept as is): the map step writes millions of records, and a DOM per record costs
// more than the extraction of its sentence. Runs between escapes are appended whole.
void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet appended
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (!kEscaped[c]) continue;
        out.append(s, run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.append(escape, sizeof escape);
            }
        }
    }
    out.append(s, run);
    out += '"';
}

void field(std::string& out, std::string_view key, std::string_view value) {
    out.append(",\"").append(key).append("\":");
    append_json_string(out, value);
}

}  // namespace

std::string event_record(const Event& e) {
    std::string out;
    out.reserve(512 + e.evidence.size() + e.why.size());  // before the first append: one allocation
    out.append("{\"record\":\"linimasa-event/1\"");
    field(out, "type", e.type);
    field(out, "status", to_string(e.status));
    field(out, "date", e.when.date);
    field(out, "date_end", e.when.date_end);
    field(out, "precision", to_string(e.when.precision));
    field(out, "date_basis", to_string(e.when.basis));
    field(out, "date_text", e.when.text);
    out.append(",\"actors\":[");
    for (std::size_t i = 0; i < e.actors.size(); ++i) {
        if (i > 0) out += ',';
        append_json_string(out, e.actors[i]);
    }
    out += ']';
    field(out, "location", e.location);
    field(out, "location_country", e.location_country);
    field(out, "evidence", e.evidence);
    field(out, "rule", e.rule);
    field(out, "trigger", e.trigger);
    field(out, "document", e.document);
    char offset[24];
    const auto written = std::to_chars(offset, offset + sizeof offset, e.offset);
    out.append(",\"offset\":").append(offset, written.ptr);
    field(out, "why", e.why);
    out += '}';
    return out;
}

namespace {

struct RecordError {
    std::string message;
};

std::string text_field(const ordered_json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) throw RecordError{std::string("missing field '").append(key).append("'")};
    if (!it->is_string()) throw RecordError{std::string("field '").append(key).append("' must be a string")};
    return it->get<std::string>();
}

}  // namespace

namespace {

// --- The fast path: simdjson -------------------------------------------------------------
//
// `merge` reads millions of records that `extract` wrote; a DOM per record was a fifth of its
// time. This reads the shape event_record() writes and nothing else: every field present,
// strings, a list of strings, an unsigned offset, nothing after the object. Anything else
// (an error, a missing or odd field, a \u escape, a raw control byte, which On Demand does not
// check the way nlohmann does) returns false and is read by the complete path below, so what
// is accepted and every message stay that path's.

// The fields a record must have, as bits.
enum RecordField : std::uint32_t {
    kRecord = 1u << 0, kType = 1u << 1, kStatus = 1u << 2, kDate = 1u << 3, kDateEnd = 1u << 4,
    kPrecision = 1u << 5, kBasis = 1u << 6, kDateText = 1u << 7, kActors = 1u << 8, kLocation = 1u << 9,
    kCountry = 1u << 10, kEvidence = 1u << 11, kRule = 1u << 12, kTrigger = 1u << 13, kDocument = 1u << 14,
    kOffset = 1u << 15, kWhy = 1u << 16, kAllFields = (1u << 17) - 1
};

bool read_record_fast(std::string_view line, Event& e) {
    for (char c : line)
        if (static_cast<unsigned char>(c) < 0x20) return false;
    if (line.find("\\u") != std::string_view::npos) return false;
    thread_local simdjson::ondemand::parser parser;
    thread_local std::string buffer;
    buffer.assign(line);
    buffer.append(simdjson::SIMDJSON_PADDING, ' ');
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (parser.iterate(simdjson::padded_string_view(buffer.data(), line.size(), buffer.size())).get(doc) ||
        doc.get_object().get(object))
        return false;
    std::uint32_t seen = 0;
    std::string_view status, precision, basis;
    for (auto result : object) {
        simdjson::ondemand::field field;
        std::string_view key;
        if (std::move(result).get(field) || field.unescaped_key().get(key)) return false;
        if (key == "actors") {
            simdjson::ondemand::array list;
            if (field.value().get_array().get(list)) return false;
            e.actors.clear();  // a repeated key: the last one counts, as in nlohmann's object
            for (auto item : list) {
                std::string_view actor;
                if (item.get_string().get(actor)) return false;
                e.actors.emplace_back(actor);
            }
            seen |= kActors;
            continue;
        }
        if (key == "offset") {
            std::uint64_t offset = 0;
            if (field.value().get_uint64().get(offset)) return false;
            e.offset = static_cast<std::size_t>(offset);
            seen |= kOffset;
            continue;
        }
        std::string* text = nullptr;
        std::string_view* word = nullptr;
        std::uint32_t bit = 0;
        if (key == "record") bit = kRecord;
        else if (key == "type") text = &e.type, bit = kType;
        else if (key == "status") word = &status, bit = kStatus;
        else if (key == "date") text = &e.when.date, bit = kDate;
        else if (key == "date_end") text = &e.when.date_end, bit = kDateEnd;
        else if (key == "precision") word = &precision, bit = kPrecision;
        else if (key == "date_basis") word = &basis, bit = kBasis;
        else if (key == "date_text") text = &e.when.text, bit = kDateText;
        else if (key == "location") text = &e.location, bit = kLocation;
        else if (key == "location_country") text = &e.location_country, bit = kCountry;
        else if (key == "evidence") text = &e.evidence, bit = kEvidence;
        else if (key == "rule") text = &e.rule, bit = kRule;
        else if (key == "trigger") text = &e.trigger, bit = kTrigger;
        else if (key == "document") text = &e.document, bit = kDocument;
        else if (key == "why") text = &e.why, bit = kWhy;
        else continue;  // a field this version does not read
        std::string_view value;
        if (field.value().get_string().get(value)) return false;
        if (bit == kRecord && value != "linimasa-event/1") return false;
        if (text) text->assign(value);
        if (word) *word = value;  // views into the parser's buffer: valid until the next record
        seen |= bit;
    }
    if (seen != kAllFields || doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return false;
    auto s = parse_status(status);
    auto p = parse_precision(precision);
    auto b = parse_basis(basis);
    if (!s || !p || !b) return false;
    e.status = *s;
    e.when.precision = *p;
    e.when.basis = *b;
    return true;
}

}  // namespace

std::optional<Event> parse_event_record(std::string_view line, const std::string& file, int line_number,
                                        Diagnostics& diagnostics) {
    if (Event fast; read_record_fast(line, fast)) return fast;
    ordered_json j;
    try {
        j = ordered_json::parse(line);
    } catch (const ordered_json::parse_error& e) {
        const int column = static_cast<int>(e.byte > 0 ? e.byte : 1);
        diagnostics.push_back({file, line_number, column, "not a JSON event record: " + json_syntax_error(e.what())});
        return std::nullopt;
    } catch (const ordered_json::exception& e) {
        // Valid JSON that nlohmann cannot hold: a number beyond a double (1e400), anywhere.
        const int column = static_cast<int>(json_number_offset(line, e.what()) + 1);
        diagnostics.push_back({file, line_number, column, "not a JSON event record: " + json_library_error(e.what())});
        return std::nullopt;
    }
    try {
        if (!j.is_object()) throw RecordError{"a record must be a JSON object"};
        if (text_field(j, "record") != "linimasa-event/1")
            throw RecordError{"not a linimasa event record (record: linimasa-event/1)"};
        Event e;
        e.type = text_field(j, "type");
        auto status = parse_status(text_field(j, "status"));
        auto precision = parse_precision(text_field(j, "precision"));
        auto basis = parse_basis(text_field(j, "date_basis"));
        if (!status) throw RecordError{"unknown status"};
        if (!precision) throw RecordError{"unknown precision"};
        if (!basis) throw RecordError{"unknown date_basis"};
        e.status = *status;
        e.when.precision = *precision;
        e.when.basis = *basis;
        e.when.date = text_field(j, "date");
        e.when.date_end = text_field(j, "date_end");
        e.when.text = text_field(j, "date_text");
        auto actors = j.find("actors");
        if (actors == j.end() || !actors->is_array()) throw RecordError{"field 'actors' must be a list"};
        for (const auto& a : *actors) {
            if (!a.is_string()) throw RecordError{"field 'actors' must be a list of strings"};
            e.actors.push_back(a.get<std::string>());
        }
        e.location = text_field(j, "location");
        e.location_country = text_field(j, "location_country");
        e.evidence = text_field(j, "evidence");
        e.rule = text_field(j, "rule");
        e.trigger = text_field(j, "trigger");
        e.document = text_field(j, "document");
        e.why = text_field(j, "why");
        auto offset = j.find("offset");
        if (offset == j.end() || !offset->is_number_unsigned()) throw RecordError{"field 'offset' must be a byte offset"};
        e.offset = offset->get<std::size_t>();
        return e;
    } catch (const RecordError& err) {
        diagnostics.push_back({file, line_number, 1, err.message});
    }
    return std::nullopt;
}

}  // namespace linimasa
