// Unit tests for src/timeline/*, src/events/event.h and src/output/*: merging events across
// documents, sorting, stable ids, the store and its spilling, the timeline built a partition at a
// time, CSV quoting and event records.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE timeline
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <string>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "output/event_records.h"
#include "output/explanation.h"
#include "output/timeline_csv.h"
#include "output/timeline_writer.h"
#include "timeline/string_pool.h"
#include "timeline/timeline.h"
#include "util/temp_file.h"

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

// A corpus of events that exercises every rule: several types and statuses, dates of every
// precision and basis, retellings within a document, reports of one event from many documents,
// and publication-dated reports of one day in different countries, which stay apart and so
// give rows that share an identity (ids with a -2, -3 suffix). Deterministic: the generator's
// numbers are used as they come (std:: distributions differ between libraries).
std::vector<Event> varied_events(std::size_t count) {
    std::mt19937 rng(20260102);
    auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const char* types[] = {"visit", "meeting", "letter_exchange", "phone_call"};
    const EventStatus statuses[] = {EventStatus::occurred, EventStatus::planned, EventStatus::occurred,
                                    EventStatus::denied, EventStatus::negated};
    const char* names[] = {"Kim Jong Un", "Vladimir Putin", "Sergei Shoigu", "Xi Jinping", "Prabowo Subianto"};
    const std::pair<const char*, const char*> places[] = {
        {"", ""}, {"Pyongyang", "North Korea"}, {"Vladivostok", "Russia"}, {"Moskow", "Russia"}, {"Beijing", "China"}};
    std::vector<Event> events;
    for (std::size_t i = 0; i < count; ++i) {
        const int day = 1 + static_cast<int>(pick(20));
        std::string date = fmt::format("2023-0{}-{:02}", 1 + pick(3), day);
        EventDateBasis basis = EventDateBasis::explicit_date;
        switch (pick(10)) {
            case 0: date = date.substr(0, 7); break;                                    // a month
            case 1: date = "2023"; break;                                               // a year
            case 2: date = "XXXX-08-15", basis = EventDateBasis::unanchored; break;     // no year
            case 3: case 4: case 5: basis = EventDateBasis::publication; break;
            case 6: basis = EventDateBasis::relative; break;
            default: break;
        }
        std::vector<std::string> actors;
        if (pick(8) != 0) actors.push_back(names[pick(5)]);
        if (pick(3) == 0) actors.push_back(names[pick(5)]);
        std::sort(actors.begin(), actors.end());
        actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
        Event e = make(types[pick(4)], date, actors, fmt::format("doc-{:03}", pick(300)), basis, statuses[pick(5)]);
        if (basis == EventDateBasis::unanchored) e.when.precision = Precision::day;
        const auto& [place, country] = places[pick(5)];
        e.location = place;
        e.location_country = country;
        e.offset = 10 + 37 * i;  // no two are the same event: their order cannot matter
        e.evidence = fmt::format("Kalimat {} dari {}, \"dikutip\".", i, e.document);
        e.why = fmt::format("alasan {}", i);
        e.trigger = pick(2) ? "bertemu" : "mengunjungi";
        events.push_back(std::move(e));
    }
    return events;
}

// The timeline of a store, as write_timeline() writes it on `threads` threads: the CSV and
// the explanation.
std::pair<std::string, std::string> written(EventStore& store, unsigned threads = 1) {
    std::string csv, why, error;
    TimelineSinks sinks{.csv = [&](std::string_view c) { return csv.append(c), true; },
                        .explanation = [&](std::string_view c) { return why.append(c), true; }};
    BOOST_TEST_REQUIRE(write_timeline(store, sinks, error, threads), error);
    return {csv, why};
}

BOOST_AUTO_TEST_CASE(a_store_past_its_budget_gives_the_same_timeline) {
    std::vector<Event> events = varied_events(6000);
    const Timeline in_memory = build_timeline(events);
    const std::string csv = timeline_csv(in_memory), why = explanation(in_memory);
    // What the comparison is worth: many rows, merged ones, several types, repeated identities.
    BOOST_TEST(in_memory.size() > 1000u);
    BOOST_TEST(in_memory.size() < events.size() / 2);
    BOOST_TEST(csv.find(",meeting,") != std::string::npos);
    BOOST_TEST(csv.find(",phone_call,") != std::string::npos);
    BOOST_TEST(csv.find(",negated,") != std::string::npos);
    BOOST_TEST(csv.find("-3,") != std::string::npos);  // a third row of one identity
    BOOST_TEST(why.find("merged ") != std::string::npos);

    // Budgets from one event per batch up to most of them, the events in another order, and
    // the partitions built on one thread or on several at once.
    std::mt19937 rng(11);
    for (std::size_t budget : {std::size_t{1}, std::size_t{700}, std::size_t{5000}, std::size_t{400000}}) {
        for (unsigned threads : {1u, 3u}) {
            std::shuffle(events.begin(), events.end(), rng);
            EventStore store(budget);
            for (const Event& e : events) store.add(e);
            const auto [spilled_csv, spilled_why] = written(store, threads);
            BOOST_TEST(store.spilled());
            BOOST_TEST(store.partition_count() == 4u * 3u);  // four types, three status groups
            BOOST_TEST(spilled_csv == csv, "budget " << budget << ", " << threads << " threads");
            BOOST_TEST(spilled_why == why, "budget " << budget << ", " << threads << " threads");
        }
    }
    EventStore roomy;  // the default budget: in memory, through the same writer
    for (const Event& e : events) roomy.add(e);
    BOOST_TEST(written(roomy).first == csv);
    BOOST_TEST(!roomy.spilled());
}

BOOST_AUTO_TEST_CASE(a_partition_loads_back_every_event_it_was_given) {
    std::vector<Event> events = varied_events(500);
    EventStore store(1000);  // about ten events a batch
    for (const Event& e : events) store.add(e);
    BOOST_TEST_REQUIRE(store.finish());
    BOOST_TEST_REQUIRE(store.spilled());
    BOOST_TEST(store.event_count() == events.size());
    std::vector<std::string> back, given;
    std::string error;
    for (std::size_t p = 0; p < store.partition_count(); ++p) {
        std::optional<EventStore> part = store.load_partition(p, error);
        BOOST_TEST_REQUIRE(part.has_value(), error);
        for (std::size_t i = 0; i < part->size(); ++i) {
            back.push_back(event_record(part->event(i)));
            BOOST_TEST(part->entry(i).type == part->entry(0).type);  // one type per partition
        }
    }
    for (const Event& e : events) given.push_back(event_record(e));
    std::sort(back.begin(), back.end());
    std::sort(given.begin(), given.end());
    BOOST_TEST(back == given);
}

BOOST_AUTO_TEST_CASE(a_store_that_cannot_spill_says_why) {
    const char* old = std::getenv("TMPDIR");
    const std::string saved = old ? old : "";
    setenv("TMPDIR", "/nonexistent/linimasa-test", 1);
    EventStore store(1);
    for (const Event& e : varied_events(20)) store.add(e);
    if (old) setenv("TMPDIR", saved.c_str(), 1); else unsetenv("TMPDIR");
    BOOST_TEST(!store.ok());
    std::string csv, error;
    TimelineSinks sinks{.csv = [&](std::string_view c) { return csv.append(c), true; }, .explanation = nullptr};
    BOOST_TEST(!write_timeline(store, sinks, error));
    BOOST_TEST(error.find("cannot create a temporary file in /nonexistent/linimasa-test") != std::string::npos, error);
    BOOST_TEST(error.find("TMPDIR") != std::string::npos, error);
    BOOST_TEST(csv.empty());
}

BOOST_AUTO_TEST_CASE(pooled_strings_are_kept_once_and_ranked_in_byte_order) {
    StringPool pool;
    BOOST_TEST(pool.text(0) == "");
    std::vector<std::string> words;
    for (int i = 0; i < 20000; ++i) words.push_back(fmt::format("kata-{}", (i * 7919) % 20000));
    words.push_back(std::string(100000, 'z'));  // longer than a block
    words.push_back("Ä");
    std::vector<StringPool::Id> ids;
    for (const auto& w : words) ids.push_back(pool.intern(w));
    for (std::size_t i = 0; i < words.size(); ++i) {
        BOOST_TEST(pool.text(ids[i]) == words[i]);
        BOOST_TEST(pool.intern(words[i]) == ids[i]);  // found again, not added
    }
    BOOST_TEST(pool.size() == words.size() + 1);
    const std::vector<StringPool::Id>& rank = pool.ranks();
    for (StringPool::Id a = 0; a + 1 < pool.size(); ++a)
        BOOST_TEST((rank[a] < rank[a + 1]) == (pool.text(a) < pool.text(a + 1)));
    pool.intern("aaa");  // ranks follow what was added since
    BOOST_TEST(pool.ranks().size() == pool.size());
    BOOST_TEST(pool.ranks()[pool.size() - 1] == 1u);  // after "", before "kata-..."
}

BOOST_AUTO_TEST_CASE(temporary_files_read_back_what_was_written) {
    std::string error;
    std::optional<TempFile> file = TempFile::create(error);
    BOOST_TEST_REQUIRE(file.has_value(), error);
    std::string all;
    for (int i = 0; i < 5000; ++i) {
        const std::string piece = fmt::format("{}:{};", i, std::string(static_cast<std::size_t>(i % 300), 'x'));
        BOOST_TEST(file->append(piece));
        all += piece;
    }
    BOOST_TEST(file->size() == all.size());
    std::string middle(1000, '\0');
    BOOST_TEST(file->read(12345, middle.size(), middle.data()));
    BOOST_TEST(middle == all.substr(12345, 1000));
    TempFileReader in(*file, 100, all.size(), 4096);  // a small buffer: many refills
    std::string back;
    BOOST_TEST(in.read_append(back, all.size() - 100));
    BOOST_TEST(back == all.substr(100));
    BOOST_TEST(in.at_end());
    char more = 0;
    BOOST_TEST(!in.read(&more, 1));
    BOOST_TEST(in.error() == "a temporary file ended before its last record");
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
