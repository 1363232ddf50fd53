// Unit tests for src/timeline/timeline.h, src/events/event.h and src/output/*: merging events
// across documents, sorting, stable ids, CSV quoting and event records.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE timeline
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "output/event_records.h"
#include "output/timeline_csv.h"
#include "timeline/timeline.h"

using namespace linimasa;
using namespace date;

namespace {

Event make(const std::string& type, const std::string& day, std::vector<std::string> actors, const std::string& doc,
           EventDateBasis basis = EventDateBasis::explicit_date, EventStatus status = EventStatus::occurred) {
    Event e;
    e.type = type;
    e.status = status;
    e.when.date = day;
    e.when.precision = day.size() == 4 ? Precision::year : day.size() == 7 ? Precision::month : Precision::day;
    e.when.basis = basis;
    e.when.text = "tanggal " + day;
    std::sort(actors.begin(), actors.end());
    e.actors = std::move(actors);
    e.document = doc;
    e.evidence = "Kalimat dari " + doc + ".";
    e.rule = "r@events/x.yaml:1";
    e.offset = 10;
    return e;
}

}  // namespace

BOOST_AUTO_TEST_CASE(event_date_intervals) {
    EventDate d;
    d.date = "2024-06";
    BOOST_TEST((*d.first() == sys_days{2024_y / June / 1}));
    BOOST_TEST((*d.last() == sys_days{2024_y / June / 30}));
    d.date = "2024";
    BOOST_TEST((*d.last() == sys_days{2024_y / December / 31}));
    d.date = "2023-09-13";
    d.date_end = "2023-09-14";
    BOOST_TEST((*d.first() == sys_days{2023_y / September / 13}));
    BOOST_TEST((*d.last() == sys_days{2023_y / September / 14}));
    d.date = "XXXX-08-15";
    d.date_end.clear();
    BOOST_TEST(!d.first().has_value());
    d.date = "2023-08-15T13:26";
    BOOST_TEST((*d.first() == sys_days{2023_y / August / 15}));
    d.date = "2023-02-30";
    BOOST_TEST(!d.first().has_value());
}

BOOST_AUTO_TEST_CASE(the_store_gives_every_event_back) {
    EventStore store;
    Event a = make("visit", "2023-09-13", {"Kim Jong Un", "Vladimir Putin"}, "a.txt");
    a.when.date_end = "2023-09-14";
    a.location = "Vostochny Cosmodrome";
    a.location_country = "Russia";
    a.evidence = std::string(5000, 'x') + " kalimat panjang";
    a.why = "nearest date";
    a.trigger = "bertemu";
    a.offset = 123456789012ull;
    Event b = make("visit", "2023-09-13", {"Kim Jong Un"}, "b.txt", EventDateBasis::publication, EventStatus::planned);
    store.add(a);
    store.add(b);
    BOOST_TEST_REQUIRE(store.size() == 2u);
    BOOST_TEST(event_record(store.event(0)) == event_record(a));
    BOOST_TEST(event_record(store.event(1)) == event_record(b));
    BOOST_TEST(store.entry(0).type == store.entry(1).type);  // one pooled string
    BOOST_TEST(store.entry(0).first + 1 == store.entry(0).last);
    BOOST_TEST(store.actors(1).size() == 1u);
}

BOOST_AUTO_TEST_CASE(same_event_from_two_outlets_is_one_row) {
    std::vector<Event> events = {make("letter_exchange", "2023-08-15", {"Kim Jong Un", "Vladimir Putin"}, "tempo"),
                                 make("letter_exchange", "2023-08-15", {"Kim Jong Un"}, "republika"),
                                 make("letter_exchange", "2023-08-18", {"Kim Jong Un"}, "kompas")};
    Timeline t = build_timeline(events);
    BOOST_TEST_REQUIRE(t.size() == 2u);
    BOOST_TEST(t.row(0, true).event.when.date == "2023-08-15");
    BOOST_TEST(t.row(0, true).documents == (std::vector<std::string>{"republika", "tempo"}));
    BOOST_TEST(t.row(0, true).event.actors == (std::vector<std::string>{"Kim Jong Un", "Vladimir Putin"}));
    BOOST_TEST(t.row(1, true).documents.size() == 1u);
}

BOOST_AUTO_TEST_CASE(different_actors_types_or_statuses_stay_apart) {
    std::vector<Event> events = {make("visit", "2023-07-27", {"Sergei Shoigu"}, "a"),
                                 make("visit", "2023-07-27", {"Wang Yi"}, "b"),
                                 make("meeting", "2023-07-27", {"Sergei Shoigu"}, "c"),
                                 make("visit", "2023-07-27", {"Sergei Shoigu"}, "d", EventDateBasis::explicit_date,
                                      EventStatus::denied)};
    Timeline t = build_timeline(events);
    BOOST_TEST(t.size() == 4u);
}

BOOST_AUTO_TEST_CASE(coarser_date_joins_the_finer_one) {
    std::vector<Event> events = {make("visit", "2024-06", {"Vladimir Putin"}, "a"),
                                 make("visit", "2024-06-19", {"Vladimir Putin"}, "b"),
                                 make("visit", "2024", {"Vladimir Putin"}, "c"),
                                 make("visit", "2024-07", {"Vladimir Putin"}, "d")};
    Timeline t = build_timeline(events);
    BOOST_TEST_REQUIRE(t.size() == 2u);
    BOOST_TEST(t.row(0, true).event.when.date == "2024-06-19");  // the most precise mention dates the row
    BOOST_TEST(t.row(0, true).documents == (std::vector<std::string>{"a", "b", "c"}));
    BOOST_TEST(t.row(1, true).event.when.date == "2024-07");
}

BOOST_AUTO_TEST_CASE(planned_and_occurred_reports_merge_as_occurred) {
    std::vector<Event> events = {make("visit", "2024-06-19", {"Vladimir Putin"}, "a", EventDateBasis::explicit_date,
                                      EventStatus::planned),
                                 make("visit", "2024-06-19", {"Vladimir Putin"}, "b")};
    Timeline t = build_timeline(events);
    BOOST_TEST_REQUIRE(t.size() == 1u);
    BOOST_TEST((t.row(0, true).event.status == EventStatus::occurred));
}

BOOST_AUTO_TEST_CASE(publication_dated_retelling_joins_the_dated_event_of_its_document) {
    std::vector<Event> events = {make("letter_exchange", "2023-08-15", {"Kim Jong Un"}, "a"),
                                 make("letter_exchange", "2023-08-30", {"Kim Jong Un"}, "a", EventDateBasis::publication),
                                 make("letter_exchange", "2023-08-30", {"Kim Jong Un"}, "b", EventDateBasis::publication)};
    Timeline t = build_timeline(events);
    BOOST_TEST_REQUIRE(t.size() == 2u);
    BOOST_TEST(t.row(0, true).members.size() == 2u);
    BOOST_TEST(t.row(0, true).documents == (std::vector<std::string>{"a"}));
    BOOST_TEST((t.row(1, true).event.when.basis == EventDateBasis::publication));
}

BOOST_AUTO_TEST_CASE(publication_dated_event_joins_the_latest_row_of_the_week_before) {
    std::vector<Event> events = {make("meeting", "2023-09-13", {"Kim Jong Un", "Vladimir Putin"}, "a"),
                                 make("meeting", "2023-09-10", {"Kim Jong Un"}, "c"),
                                 make("meeting", "2023-09-14", {"Vladimir Putin"}, "b", EventDateBasis::publication),
                                 make("meeting", "2023-09-30", {"Vladimir Putin"}, "d", EventDateBasis::publication)};
    Timeline t = build_timeline(events);
    BOOST_TEST_REQUIRE(t.size() == 3u);
    BOOST_TEST(t.row(1, true).event.when.date == "2023-09-13");
    BOOST_TEST(t.row(1, true).documents == (std::vector<std::string>{"a", "b"}));
    BOOST_TEST(t.row(2, true).documents == (std::vector<std::string>{"d"}));  // 16 days later: a new row
}

BOOST_AUTO_TEST_CASE(publication_dated_event_at_a_known_place_joins_that_row) {
    Event old_meeting = make("meeting", "2019-04-25", {"Kim Jong Un", "Vladimir Putin"}, "a");
    old_meeting.location = "Vladivostok";
    Event retold = make("meeting", "2023-08-15", {"Kim Jong Un", "Vladimir Putin"}, "b", EventDateBasis::publication);
    retold.location = "Vladivostok";
    Event elsewhere = retold;
    elsewhere.document = "c";
    elsewhere.location = "Pyongyang";
    Timeline t = build_timeline({old_meeting, retold, elsewhere});
    BOOST_TEST_REQUIRE(t.size() == 2u);
    BOOST_TEST(t.row(0, true).documents == (std::vector<std::string>{"a", "b"}));
    BOOST_TEST(t.row(1, true).event.location == "Pyongyang");
}

BOOST_AUTO_TEST_CASE(places_in_different_countries_never_merge) {
    Event to_korea = make("visit", "2023-09-14", {"Kim Jong Un", "Vladimir Putin"}, "a", EventDateBasis::publication,
                          EventStatus::planned);
    to_korea.location = "North Korea";
    to_korea.location_country = "North Korea";
    Event to_komsomolsk = make("visit", "2023-09-14", {"Kim Jong Un"}, "b", EventDateBasis::publication, EventStatus::planned);
    to_komsomolsk.location = "Komsomolsk-on-Amur";
    to_komsomolsk.location_country = "Russia";
    Event cosmodrome = make("meeting", "2023-09-13", {"Kim Jong Un"}, "c");
    cosmodrome.location = "Vostochny Cosmodrome";
    cosmodrome.location_country = "Russia";
    Event amur = make("meeting", "2023-09-13", {"Kim Jong Un"}, "d");
    amur.location = "Amur Oblast";
    amur.location_country = "Russia";
    Timeline t = build_timeline({to_korea, to_komsomolsk, cosmodrome, amur});
    BOOST_TEST(t.size() == 3u);  // the two visits apart, the summit together
}

BOOST_AUTO_TEST_CASE(unanchored_rows_stay_separate_and_last) {
    std::vector<Event> events = {make("letter_exchange", "XXXX-08-15", {"Kim Jong Un"}, "suara", EventDateBasis::unanchored),
                                 make("letter_exchange", "2023-08-15", {"Kim Jong Un"}, "tempo")};
    Timeline t = build_timeline(events);
    BOOST_TEST_REQUIRE(t.size() == 2u);
    BOOST_TEST(t.row(0, true).event.when.date == "2023-08-15");
    BOOST_TEST(t.row(1, true).event.when.date == "XXXX-08-15");
}

BOOST_AUTO_TEST_CASE(sorted_by_date_then_finer_first_then_type) {
    std::vector<Event> events = {make("visit", "2023", {"A"}, "d1"), make("visit", "2023-01", {"B"}, "d2"),
                                 make("meeting", "2023-01-01", {"C"}, "d3"), make("appointment", "2023-01-01", {"D"}, "d4"),
                                 make("visit", "2019-04-25", {"E"}, "d5")};
    Timeline t = build_timeline(events);
    std::vector<std::string> order;
    for (std::size_t i = 0; i < t.size(); ++i) order.push_back(t.row(i).event.type + " " + t.row(i).event.when.date);
    BOOST_TEST(order == (std::vector<std::string>{"visit 2019-04-25", "appointment 2023-01-01", "meeting 2023-01-01",
                                                  "visit 2023-01", "visit 2023"}));
}

BOOST_AUTO_TEST_CASE(input_order_never_changes_the_output) {
    std::vector<Event> events;
    const char* days[] = {"2023-08-15", "2023-08", "2023", "2023-09-13", "2023-09", "2024-06-19", "2024-06"};
    const char* actors[] = {"Kim Jong Un", "Vladimir Putin", "Sergei Shoigu"};
    for (int i = 0; i < 60; ++i)
        events.push_back(make(i % 3 ? "visit" : "meeting", days[i % 7], {actors[i % 3], actors[(i / 3) % 3]},
                              "doc" + std::to_string(i % 11),
                              i % 5 ? EventDateBasis::explicit_date : EventDateBasis::publication));
    const std::string expected = timeline_csv(build_timeline(events));
    std::mt19937 rng(7);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(events.begin(), events.end(), rng);
        BOOST_TEST(timeline_csv(build_timeline(events)) == expected);
    }
}

BOOST_AUTO_TEST_CASE(ids_are_stable_and_depend_on_identity) {
    Event a = make("visit", "2023-07-27", {"Sergei Shoigu"}, "x");
    Event b = make("visit", "2023-07-27", {"Sergei Shoigu"}, "y");
    b.evidence = "Kalimat lain.";
    BOOST_TEST(row_id(a) == row_id(b));
    BOOST_TEST(row_id(a).size() == 15u);
    BOOST_TEST(row_id(a).rfind("ev-", 0) == 0u);
    b.when.date = "2023-07-28";
    BOOST_TEST(row_id(a) != row_id(b));
}

BOOST_AUTO_TEST_CASE(csv_quotes_per_rfc_4180) {
    BOOST_TEST(csv_field("plain") == "plain");
    BOOST_TEST(csv_field("a, b") == "\"a, b\"");
    BOOST_TEST(csv_field("kata \"Putin\"") == "\"kata \"\"Putin\"\"\"");
    BOOST_TEST(csv_field("dua\nbaris") == "\"dua\nbaris\"");
    Timeline t = build_timeline({make("visit", "2023-07-27", {"Sergei Shoigu", "Kim Jong Un"}, "a")});
    std::string csv = timeline_csv(t);
    BOOST_TEST(csv.rfind("id,date,date_end,precision,event_type,status,actors,location,date_text,date_basis,evidence,rule,"
                         "sources,documents\r\n",
                         0) == 0u);
    BOOST_TEST(csv.find(",2023-07-27,,day,visit,occurred,Kim Jong Un; Sergei Shoigu,,tanggal 2023-07-27,explicit,"
                        "Kalimat dari a.,r@events/x.yaml:1,1,a\r\n") != std::string::npos,
               csv);
}

BOOST_AUTO_TEST_CASE(event_records_round_trip) {
    Event e = make("visit", "2023-09-13", {"Kim Jong Un", "Vladimir Putin"}, "b.txt");
    e.when.date_end = "2023-09-14";
    e.location = "Vostochny Cosmodrome";
    e.evidence = "Kutipan \"langsung\", dengan koma.";
    e.why = "nearest date";
    e.status = EventStatus::planned;
    Diagnostics diags;
    auto back = parse_event_record(event_record(e), "part.jsonl", 1, diags);
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(event_record(*back) == event_record(e));
    BOOST_TEST(diags.empty());
}

BOOST_AUTO_TEST_CASE(records_are_the_json_a_json_library_writes) {
    Event e = make("visit", "2023-09-13", {"Kim Jong Un", "Vladimir Putin"}, "dir/b \"x\".txt");
    e.evidence = "Tab\there, newline\nthere, \x01 control, back\\slash, “kutipan” é";
    e.location = std::string("\"\b\f\r\x1f\x7f\0 escapes first and last\\", 31);  // every other escape, at both ends
    e.why = "";
    nlohmann::ordered_json j;
    j["record"] = "linimasa-event/1";
    j["type"] = e.type;
    j["status"] = "occurred";
    j["date"] = e.when.date;
    j["date_end"] = e.when.date_end;
    j["precision"] = "day";
    j["date_basis"] = "explicit";
    j["date_text"] = e.when.text;
    j["actors"] = e.actors;
    j["location"] = e.location;
    j["location_country"] = e.location_country;
    j["evidence"] = e.evidence;
    j["rule"] = e.rule;
    j["trigger"] = e.trigger;
    j["document"] = e.document;
    j["offset"] = e.offset;
    j["why"] = e.why;
    BOOST_TEST(event_record(e) == j.dump());
}

// Records are read by a fast path for the shape event_record() writes and by a complete one
// for anything else; both must give the same events and refuse the same records.
BOOST_AUTO_TEST_CASE(records_read_back_whatever_path_reads_them) {
    Event e = make("visit", "2023-09-13", {"Kim Jong Un", "Vladimir Putin"}, "b.txt");
    e.evidence = "Kutipan “langsung” dengan é, back\\slash dan \"tanda kutip\".";
    const std::string plain = event_record(e);
    Event control = e;
    control.evidence = "Tab\there, \x01 kontrol";  // written as \t and \u0001: the complete path
    Diagnostics diags;
    for (const std::string& line : {plain, event_record(control)}) {
        auto back = parse_event_record(line, "part.jsonl", 1, diags);
        BOOST_TEST_REQUIRE(back.has_value());
        BOOST_TEST(event_record(*back) == line);
    }
    // A field this version does not know is skipped; a repeated field counts once, the last.
    std::string extra = plain;
    extra.insert(1, "\"later_field\":[1,{\"x\":null}],\"type\":\"ignored\",");
    auto back = parse_event_record(extra, "part.jsonl", 2, diags);
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST(back->type == "visit");
    BOOST_TEST(diags.empty());

    // Refused, with the complete path's message, whichever path saw it first.
    auto without = [&](const std::string& field) {
        std::string line = plain;
        std::size_t at = line.find(",\"" + field + "\":");
        std::size_t end = line.find(",\"", field == "actors" ? line.find(']', at) : at + 1);
        return line.erase(at, (end == std::string::npos ? line.size() - 1 : end) - at);
    };
    const std::size_t digits = plain.find("\"offset\":") + 9;
    const std::string replaced_offset =
        std::string(plain).replace(digits, plain.find(',', digits) - digits, "-1");
    BOOST_TEST(!parse_event_record(without("why"), "p.jsonl", 3, diags));
    BOOST_TEST(!parse_event_record(without("actors"), "p.jsonl", 4, diags));
    BOOST_TEST(!parse_event_record(replaced_offset, "p.jsonl", 5, diags));
    BOOST_TEST(!parse_event_record(plain + " x", "p.jsonl", 6, diags));
    BOOST_TEST_REQUIRE(diags.size() == 4u);
    BOOST_TEST(diags[0].message == "missing field 'why'");
    BOOST_TEST(diags[1].message == "field 'actors' must be a list");
    BOOST_TEST(diags[2].message == "field 'offset' must be a byte offset");
    BOOST_TEST(diags[3].line == 6);
}

// Found by fuzz_records: a number beyond a double made nlohmann throw out_of_range, which
// ended `merge`; a syntax error's echo carried the input's invalid UTF-8 into the message.
BOOST_AUTO_TEST_CASE(records_nlohmann_cannot_hold_are_reported_in_utf8) {
    Diagnostics diags;
    BOOST_TEST(!parse_event_record("{\"record\":\"linimasa-event/1\",\"x\":1e400}", "p.jsonl", 7, diags));
    BOOST_TEST(!parse_event_record("{\"record\":\"\xff\xfe'\x01\"", "p.jsonl", 8, diags));
    BOOST_TEST_REQUIRE(diags.size() == 2u);
    BOOST_TEST(diags[0].str() == "p.jsonl:7:34: error: not a JSON event record: number overflow parsing '1e400'");
    BOOST_TEST(diags[1].message.find('\xff') == std::string::npos, diags[1].message);
    BOOST_TEST(diags[1].message.rfind("not a JSON event record: syntax error", 0) == 0u, diags[1].message);
}

BOOST_AUTO_TEST_CASE(malformed_records_name_file_and_line) {
    Diagnostics diags;
    BOOST_TEST(!parse_event_record("{\"record\": \"linimasa-event/1\", \"type\": 3}", "p.jsonl", 4, diags));
    BOOST_TEST(!parse_event_record("{not json", "p.jsonl", 5, diags));
    BOOST_TEST_REQUIRE(diags.size() == 2u);
    BOOST_TEST(diags[0].str().rfind("p.jsonl:4:1: error: field 'type' must be a string", 0) == 0u, diags[0].str());
    BOOST_TEST(diags[1].line == 5);
}
