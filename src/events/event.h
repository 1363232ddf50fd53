// Event: one dated happening found in one document, before cross-document merging.
//
// It carries everything the timeline needs to merge and print it, in plain values, so that
// `extract --format jsonl` can write it and `merge` can read it back unchanged.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linimasa {

enum class Precision { minute, day, month, year };  // finest first
enum class EventStatus { occurred, planned, denied, negated };
// How the event's date was found (the date_basis column).
enum class EventDateBasis { explicit_date, relative, context, publication, unanchored };

const char* to_string(Precision p);
const char* to_string(EventStatus s);
const char* to_string(EventDateBasis b);
std::optional<Precision> parse_precision(std::string_view s);
std::optional<EventStatus> parse_status(std::string_view s);
std::optional<EventDateBasis> parse_basis(std::string_view s);

// An event's date at its own precision: 2024-06, 2023-09-13, 2023-08-15T13:26, XXXX-08-15.
struct EventDate {
    std::string date;      // empty when there is no date at all (no dateline, nothing in the text)
    std::string date_end;  // only for ranges: 2023-09-14 for 13-14 September 2023
    Precision precision = Precision::day;
    EventDateBasis basis = EventDateBasis::publication;
    std::string text;      // the words that gave the date (empty for the publication date)

    // The inclusive calendar interval, when the date is anchored (no XXXX).
    std::optional<date::sys_days> first() const;
    std::optional<date::sys_days> last() const;
};

struct Event {
    std::string type;
    EventStatus status = EventStatus::occurred;
    std::vector<std::string> actors;  // canonical names, sorted, unique
    std::string location;             // canonical place name or empty
    std::string location_country;     // the country the place lies in (for merging), or empty
    EventDate when;
    std::string evidence;             // the sentence, whitespace collapsed
    std::string rule;                 // id@events/file.yaml:line
    std::string trigger;              // the trigger words as written
    std::string document;             // document id
    std::size_t offset = 0;           // raw byte offset of the trigger in the document
    std::string why;                  // for --explain: how the date, actors and status were chosen
};

}  // namespace linimasa
