// Unit tests for src/events/event_finder.h and src/pipeline/extractor.h with the shipped
// rules: which date a trigger takes and why, status cues, actors and places, and how one
// document's furniture, dateline and sentences reach the events.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE event_finder
#include <boost/test/unit_test.hpp>

#include <memory>
#include <string>
#include <vector>

#include "pipeline/extractor.h"
#include "util/iso_day.h"

using namespace linimasa;

namespace {

const Extractor& shipped() {
    static std::unique_ptr<Extractor> x = [] {
        ExtractorLoad load = Extractor::load(LINIMASA_SOURCE_RULES);
        std::string all;
        for (const auto& d : load.diagnostics) all += d.str() + "\n";
        BOOST_TEST_REQUIRE(load.extractor != nullptr, all);
        return std::move(load.extractor);
    }();
    return *x;
}

std::vector<Event> events_of(const std::string& text, const char* published) {
    return shipped().extract_text(text, parse_iso_day(published), std::nullopt);
}

// The one event of `type` in the text; the test stops if there is not exactly one.
Event only(const std::string& text, const char* published, const std::string& type) {
    std::vector<Event> found;
    for (auto& e : events_of(text, published))
        if (e.type == type) found.push_back(e);
    BOOST_TEST_REQUIRE(found.size() == 1u, "events of type " << type << ": " << found.size() << " in: " << text);
    return found.front();
}

bool has_type(const std::vector<Event>& events, const std::string& type) {
    for (const auto& e : events)
        if (e.type == type) return true;
    return false;
}

using Names = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(dates)

BOOST_AUTO_TEST_CASE(explicit_date_in_the_sentence) {
    Event e = only("Presiden Prabowo Subianto bertemu Perdana Menteri Anthony Albanese di Canberra pada Senin (12/11/2024).",
                   "2024-11-13", "meeting");
    BOOST_TEST(e.when.date == "2024-11-12");
    BOOST_TEST((e.when.basis == EventDateBasis::explicit_date));
    BOOST_TEST(e.when.text == "Senin (12/11/2024)");
    BOOST_TEST(e.location == "Canberra");
}

BOOST_AUTO_TEST_CASE(relative_date_counts_from_publication) {
    Event e = only("Menteri Luar Negeri Sugiono kemarin menelepon Menteri Luar Negeri Wang Yi.", "2025-03-05", "phone_call");
    BOOST_TEST(e.when.date == "2025-03-04");
    BOOST_TEST((e.when.basis == EventDateBasis::relative));
}

BOOST_AUTO_TEST_CASE(a_reported_date_dates_the_report_not_the_event) {
    // The meeting happened before Thursday's report; with no other date, the publication date stands in.
    Event e = only("Kim Jong Un bertemu Vladimir Putin di Rusia, kantor berita KCNA melaporkan pada Kamis (14/9/2023).",
                   "2023-09-14", "meeting");
    BOOST_TEST((e.when.basis == EventDateBasis::publication));
    Event said = only("Kantor berita KCNA melaporkan pada Kamis (14/9/2023) bahwa Kim Jong Un bertemu Vladimir Putin.",
                      "2023-09-15", "meeting");
    BOOST_TEST((said.when.basis == EventDateBasis::publication));
}

BOOST_AUTO_TEST_CASE(an_announcement_is_dated_by_its_reporting_verb) {
    Event e = only("Kremlin mengumumkan pada Senin (17/6/2024) bahwa Presiden Vladimir Putin akan berkunjung ke Korea Utara.",
                   "2024-06-18", "announcement");
    BOOST_TEST(e.when.date == "2024-06-17");
}

BOOST_AUTO_TEST_CASE(a_date_in_a_relative_clause_yields_to_the_main_clause) {
    Event e = only("Pengumuman itu disampaikan pemerintah Brasil, yang memegang keketuaan BRICS tahun ini, pada Senin (6/1/2025).",
                   "2025-01-07", "announcement");
    BOOST_TEST(e.when.date == "2025-01-06");
}

BOOST_AUTO_TEST_CASE(a_date_across_a_clause_break_is_not_taken) {
    Event e = only("Joe Biden bertemu Xi Jinping di Bali, sedangkan pada Selasa (15/11/2022) Biden menghadiri jamuan.",
                   "2022-11-16", "meeting");
    BOOST_TEST((e.when.basis == EventDateBasis::publication));
}

BOOST_AUTO_TEST_CASE(a_date_between_two_triggers_goes_to_the_nearer) {
    auto events = events_of(
        "Kim Jong Un tiba di Vladivostok pada Selasa pagi dengan kereta khusus lalu menuju kosmodrom untuk menghadiri "
        "pertemuan puncak dengan Vladimir Putin.",
        "2023-09-14");
    bool saw_arrival = false;
    for (const auto& e : events) {
        if (e.type == "arrival") {
            saw_arrival = true;
            BOOST_TEST(e.when.date == "2023-09-12");
        }
        if (e.type == "meeting") BOOST_TEST(e.when.date != "2023-09-12");
    }
    BOOST_TEST(saw_arrival);
}

BOOST_AUTO_TEST_CASE(previous_sentence_of_the_paragraph_gives_context) {
    Event e = only("Pada Rabu (13/9/2023) Kim Jong Un tiba di Kosmodrom Vostochny. Di sana ia bertemu Vladimir Putin selama lima jam.",
                   "2023-09-14", "meeting");
    BOOST_TEST(e.when.date == "2023-09-13");
    BOOST_TEST((e.when.basis == EventDateBasis::context));
}

BOOST_AUTO_TEST_CASE(a_new_paragraph_does_not_inherit_the_date) {
    Event e = only("Pada Rabu (13/9/2023) Kim Jong Un tiba di Kosmodrom Vostochny.\nKim Jong Un bertemu Vladimir Putin selama lima jam.",
                   "2023-09-14", "meeting");
    BOOST_TEST((e.when.basis == EventDateBasis::publication));
    BOOST_TEST(e.when.date == "2023-09-14");
}

BOOST_AUTO_TEST_CASE(a_caption_date_line_dates_the_sentence_before_it) {
    Event e = only("Kim Jong Un dan Vladimir Putin bersalaman di Vladivostok, Rusia. 25 April 2019.", "2023-08-15",
                   "meeting");
    BOOST_TEST(e.when.date == "2019-04-25");
    BOOST_TEST((e.when.basis == EventDateBasis::context));
}

BOOST_AUTO_TEST_CASE(an_event_during_an_occasion_takes_its_date) {
    const std::string text =
        "Kim Jong Un dan Vladimir Putin bertemu di Kosmodrom Vostochny pada Rabu (13/9/2023).\n"
        "Kim Jong Un mengundang Vladimir Putin ke Pyongyang selama pembicaraan mereka, KCNA melaporkan pada Kamis (14/9/2023).\n"
        "Kim Jong Un dan Vladimir Putin bersalaman saat bertemu di Vladivostok.";
    auto events = events_of(text, "2023-09-14");
    int invitations = 0, meetings = 0;
    for (const auto& e : events) {
        if (e.type == "invitation") {
            ++invitations;
            BOOST_TEST(e.when.date == "2023-09-13");
            BOOST_TEST((e.when.basis == EventDateBasis::context));
        }
        // The handshake "saat bertemu" is the meeting itself, not an event during another one.
        if (e.type == "meeting" && e.location == "Vladivostok") {
            ++meetings;
            BOOST_TEST((e.when.basis == EventDateBasis::publication));
        }
    }
    BOOST_TEST(invitations == 1);
    BOOST_TEST(meetings == 1);
}

BOOST_AUTO_TEST_CASE(a_back_reference_is_not_a_new_event) {
    const std::string text =
        "Donald Trump berbicara melalui telepon dengan Vladimir Putin pada Senin (19/5/2025).\n"
        "Percakapan telepon itu berlangsung lebih dari dua jam, kata Gedung Putih.\n"
        "Juru bicara Gedung Putih memperingatkan bahwa percakapan telepon tersebut bukan akhir perundingan.";
    int calls = 0;
    for (const auto& e : events_of(text, "2025-05-20"))
        if (e.type == "phone_call") ++calls;
    BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(without_any_anchor_the_event_is_unanchored) {
    Event e = only("Kim Jong Un dan Vladimir Putin bertukar surat pada 15 Agustus.", "", "letter_exchange");
    BOOST_TEST(e.when.date == "XXXX-08-15");
    BOOST_TEST((e.when.basis == EventDateBasis::unanchored));
    Event none = only("Kim Jong Un dan Vladimir Putin bertukar surat.", "", "letter_exchange");
    BOOST_TEST(none.when.date.empty());
    BOOST_TEST((none.when.basis == EventDateBasis::unanchored));
}

BOOST_AUTO_TEST_CASE(parts_of_months_keep_the_month) {
    Event e = only("Presiden Vladimir Putin akan berkunjung ke Korea Utara pada awal Juni 2024.", "2024-05-20", "visit");
    BOOST_TEST(e.when.date == "2024-06");
    BOOST_TEST((e.when.precision == Precision::month));
}

BOOST_AUTO_TEST_CASE(ranges_keep_both_ends) {
    Event e = only("Presiden Vladimir Putin melakukan kunjungan kenegaraan ke Korea Utara pada 18-19 Juni 2024.", "2024-06-17",
                   "visit");
    BOOST_TEST(e.when.date == "2024-06-18");
    BOOST_TEST(e.when.date_end == "2024-06-19");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(status)

BOOST_AUTO_TEST_CASE(plan_cue_before_the_trigger) {
    Event e = only("Menteri Luar Negeri Retno Marsudi dijadwalkan bertemu Menteri Luar Negeri Wang Yi di Beijing.", "2023-07-10",
                   "meeting");
    BOOST_TEST((e.status == EventStatus::planned));
}

BOOST_AUTO_TEST_CASE(a_future_date_makes_an_event_planned) {
    Event e = only("Presiden Joko Widodo bertemu Presiden Joe Biden di Gedung Putih pada 13 November 2023.", "2023-11-01",
                   "meeting");
    BOOST_TEST((e.status == EventStatus::planned));
}

BOOST_AUTO_TEST_CASE(negation_in_the_same_clause) {
    Event e = only("Juru bicara Kremlin Dmitry Peskov mengatakan tidak ada rencana bagi Vladimir Putin untuk mengunjungi Pyongyang.",
                   "2023-09-14", "visit");
    BOOST_TEST((e.status == EventStatus::negated));
    BOOST_TEST(e.actors == (Names{"Dmitry Peskov", "Vladimir Putin"}));
}

BOOST_AUTO_TEST_CASE(a_cue_after_the_trigger_counts_only_if_it_speaks_of_it) {
    Event later = only("Perjanjian itu ditandatangani Vladimir Putin dan Kim Jong Un pada 19 Juni 2024 dan tidak pernah dibatalkan.",
                       "2024-06-20", "agreement_signed");
    BOOST_TEST((later.status == EventStatus::occurred));
    Event cancelled = only("Kunjungan kenegaraan Presiden Joe Biden ke Papua Nugini batal karena krisis anggaran.", "2023-05-17", "visit");
    BOOST_TEST((cancelled.status == EventStatus::negated));
}

BOOST_AUTO_TEST_CASE(neutral_phrases_hide_their_cue_word) {
    Event e = only("Tak lama kemudian, Korea Utara meluncurkan rudal balistik ke Laut Jepang pada Kamis (14/9/2023).", "2023-09-15",
                   "missile_launch");
    BOOST_TEST((e.status == EventStatus::occurred));
}

BOOST_AUTO_TEST_CASE(a_denied_event_carries_the_denial) {
    auto events = events_of("Moskow dan Pyongyang membantah adanya transaksi senjata di antara kedua negara.", "2023-09-14");
    BOOST_TEST_REQUIRE(has_type(events, "arms_transfer"));
    BOOST_TEST(!has_type(events, "denial"));
    for (const auto& e : events)
        if (e.type == "arms_transfer") BOOST_TEST((e.status == EventStatus::denied));
    // With nothing else to deny, the denial is an event of its own.
    Event d = only("Moskow dan Pyongyang membantah tuduhan itu.", "2023-09-14", "denial");
    BOOST_TEST((d.status == EventStatus::occurred));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(actors_and_places)

BOOST_AUTO_TEST_CASE(a_person_represents_the_country_of_their_title) {
    Event e = only("Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un bertukar surat pada 15 Agustus 2023.",
                   "2023-08-16", "letter_exchange");
    BOOST_TEST(e.actors == (Names{"Kim Jong Un", "Vladimir Putin"}));
}

BOOST_AUTO_TEST_CASE(a_place_after_a_locative_is_not_an_actor) {
    Event e = only("Kim Jong Un tiba di Rusia pada Selasa (12/9/2023) dengan kereta lapis baja.", "2023-09-13", "arrival");
    BOOST_TEST(e.actors == (Names{"Kim Jong Un"}));
    BOOST_TEST(e.location == "Russia");
}

BOOST_AUTO_TEST_CASE(roles_resolve_on_the_event_date) {
    Event before = only("Menteri Pertahanan Rusia tiba di Pyongyang pada 25 Juli 2023.", "2023-07-26", "arrival");
    BOOST_TEST(before.actors == (Names{"Sergei Shoigu"}));
    Event after = only("Menteri Pertahanan Rusia tiba di Pyongyang pada 29 November 2024.", "2024-11-30", "arrival");
    BOOST_TEST(after.actors == (Names{"Andrei Belousov"}));
}

BOOST_AUTO_TEST_CASE(a_currency_is_not_a_country) {
    auto events = events_of("Bank Indonesia mengumumkan cadangan devisa sebesar 137,1 miliar dolar AS pada Kamis (7/9/2023).",
                            "2023-09-08");
    for (const auto& e : events)
        for (const auto& a : e.actors) BOOST_TEST(a != "United States");
}

BOOST_AUTO_TEST_CASE(state_media_are_sources_not_actors) {
    Event e = only("KCNA melaporkan Kim Jong Un mengunjungi pabrik pesawat tempur di Komsomolsk-on-Amur pada Jumat (15/9/2023).",
                   "2023-09-16", "visit");
    BOOST_TEST(e.actors == (Names{"Kim Jong Un"}));
}

BOOST_AUTO_TEST_CASE(a_short_name_refers_to_the_person_named_in_full) {
    Event e = only("Pemimpin Korea Utara Kim Jong Un berangkat dengan kereta. Kim tiba di Rusia pada Selasa (12/9/2023).",
                   "2023-09-13", "arrival");
    BOOST_TEST(e.actors == (Names{"Kim Jong Un"}));
    // Two people share the word: it names neither.
    auto events = events_of("Kim Jong Un dan Kim Yo Jong berangkat.\nKim tiba di Rusia pada Selasa (12/9/2023).", "2023-09-13");
    BOOST_TEST(!has_type(events, "arrival"));
}

BOOST_AUTO_TEST_CASE(both_leaders_and_both_countries_are_the_protagonists) {
    const std::string text =
        "Presiden Prabowo Subianto tiba di Beijing pada Jumat (8/11/2024) malam.\n"
        "Prabowo Subianto bertemu Xi Jinping di Aula Besar Rakyat pada Sabtu (9/11/2024).\n"
        "Xi Jinping menyambut Prabowo Subianto dengan upacara kenegaraan.\n"
        "Kedua pemimpin juga menandatangani nota kesepahaman pada Sabtu (9/11/2024).\n"
        "Kedua negara membantah tuduhan itu.";
    bool signed_by_both = false, denied_by_both = false;
    for (const auto& e : events_of(text, "2024-11-11")) {
        if (e.type == "agreement_signed") signed_by_both = e.actors == Names{"Prabowo Subianto", "Xi Jinping"};
        if (e.type == "denial") denied_by_both = e.actors == Names{"China", "Indonesia"};
    }
    BOOST_TEST(signed_by_both);
    BOOST_TEST(denied_by_both);
}

BOOST_AUTO_TEST_CASE(the_rule_needs_its_actors) {
    // "bertemu" needs two actors; two unnamed friends do not make a meeting.
    BOOST_TEST(!has_type(events_of("Saya bertemu teman lama di stasiun pada Rabu (13/9/2023).", "2023-09-14"), "meeting"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(documents)

BOOST_AUTO_TEST_CASE(furniture_gives_no_events_and_the_dateline_anchors) {
    const std::string page =
        "Kim Jong Un Undang Putin\n\nKamis, 14 September 2023 08:30 WIB\n\n"
        "JAKARTA - Kim Jong Un dan Vladimir Putin bertemu kemarin di Kosmodrom Vostochny.\n\n"
        "Baca Juga: Joe Biden bertemu Xi Jinping di San Francisco pada 15 November 2023\n\n"
        "Iklan\n\nScroll Untuk Melanjutkan\n";
    Document doc{.id = "d1", .origin = "d1", .text = *decode_article(page, "d1").text, .title = "", .outlet = "",
                 .url = "", .published = std::nullopt};
    DocumentEvents found = shipped().extract(doc, std::nullopt);
    BOOST_TEST_REQUIRE(found.events.size() == 1u);
    const Event& e = found.events.front();
    BOOST_TEST(e.type == "meeting");
    BOOST_TEST(e.when.date == "2023-09-13");
    BOOST_TEST(e.document == "d1");
    BOOST_TEST(page.substr(e.offset, e.trigger.size()) == e.trigger);
    BOOST_TEST(found.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(ref_date_overrides_and_missing_anchor_warns) {
    const std::string text = "Kim Jong Un dan Vladimir Putin bertemu kemarin di Kosmodrom Vostochny.\n";
    Document doc{.id = "d2", .origin = "d2.txt", .text = *decode_article(text, "d2").text, .title = "", .outlet = "",
                 .url = "", .published = std::nullopt};
    DocumentEvents unanchored = shipped().extract(doc, std::nullopt);
    BOOST_TEST_REQUIRE(unanchored.diagnostics.size() == 1u);
    BOOST_TEST(unanchored.diagnostics[0].message.find("no publication date") != std::string::npos);
    BOOST_TEST_REQUIRE(unanchored.events.size() == 1u);
    BOOST_TEST((unanchored.events[0].when.basis == EventDateBasis::unanchored));

    DocumentEvents anchored = shipped().extract(doc, parse_iso_day("2023-09-14"));
    BOOST_TEST_REQUIRE(anchored.events.size() == 1u);
    BOOST_TEST(anchored.events[0].when.date == "2023-09-13");
    BOOST_TEST(anchored.diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(raw_offsets_of_a_windows_1252_page) {
    // \x93 and \x94 are curly quotes in Windows-1252: one byte raw, three in UTF-8.
    const std::string raw = "\x93Kabar\x94 hari ini: Kim Jong Un dan Vladimir Putin bertemu pada 13 September 2023.\n";
    Document doc{.id = "w", .origin = "w", .text = *decode_article(raw, "w").text, .title = "", .outlet = "",
                 .url = "", .published = std::nullopt};
    DocumentEvents found = shipped().extract(doc, parse_iso_day("2023-09-14"));
    BOOST_TEST_REQUIRE(found.events.size() == 1u);
    BOOST_TEST(raw.substr(found.events[0].offset, 7) == "bertemu");
}

BOOST_AUTO_TEST_SUITE_END()
