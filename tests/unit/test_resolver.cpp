// Unit tests for src/dates/interpreter.h and src/dates/resolver.h: the Reading of a span
// and its TIMEX3 resolution against a fixed publication date, Wednesday 2023-09-13.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE resolver
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>
#include <string>

#include "dates/interpreter.h"
#include "dates/resolver.h"

namespace linimasa {
std::ostream& operator<<(std::ostream& os, DateBasis b) { return os << to_string(b); }
std::ostream& operator<<(std::ostream& os, Direction d) { return os << static_cast<int>(d); }
std::ostream& operator<<(std::ostream& os, TimeUnit u) { return os << static_cast<int>(u); }
}  // namespace linimasa

using namespace linimasa;

namespace {

const date::sys_days kAnchor = date::sys_days{date::year{2023} / 9 / 13};  // a Wednesday

const Lexicon& lex() {
    static LexiconLoad load = load_lexicon(LINIMASA_SOURCE_RULES "/lexicon/id.yaml");
    BOOST_TEST_REQUIRE(load.lexicon.has_value());
    return *load.lexicon;
}

Reading read(const std::string& span, bool sentence_initial = false) {
    std::optional<Reading> r = interpret(lex(), span, sentence_initial);
    BOOST_TEST_REQUIRE(r.has_value(), "no reading for '" << span << "'");
    return *r;
}

ResolveContext anchored(TenseCue cue = TenseCue::none) {
    ResolveContext ctx;
    ctx.anchor = kAnchor;
    ctx.cue = cue;
    return ctx;
}

// An optional field as a printable value; -1 when missing.
template <class T>
T val(const std::optional<T>& o) {
    return o.value_or(T(-1));
}

ResolveContext unanchored() { return ResolveContext{}; }

TimeMention resolved(const std::string& span, const ResolveContext& ctx) { return resolve(read(span), ctx); }

// "TYPE VALUE [MOD] [first..last]": everything a test compares, in one line.
std::string describe(const TimeMention& m) {
    std::string out = m.type;
    out.append(" ").append(m.value);
    if (!m.mod.empty()) out.append(" ").append(m.mod);
    if (m.point) out.append(" ").append(iso_day(m.point->first)).append("..").append(iso_day(m.point->last));
    return out;
}

std::string at_anchor(const std::string& span, TenseCue cue = TenseCue::none) {
    return describe(resolved(span, anchored(cue)));
}

std::string without_anchor(const std::string& span) { return describe(resolved(span, unanchored())); }

}  // namespace

BOOST_AUTO_TEST_SUITE(interpreting)

BOOST_AUTO_TEST_CASE(documented_example) {
    Reading r = read("akhir Agustus lalu");
    BOOST_TEST(val(r.date.month) == 8);
    BOOST_TEST(!r.date.year);
    BOOST_TEST(r.period_part == "END");
    BOOST_TEST(r.direction == Direction::past);
}

BOOST_AUTO_TEST_CASE(spans_that_name_no_time) {
    for (const char* span : {"minggu", "tahun", "lalu", "yang lalu", "ini", "akhir", "dan"}) {
        BOOST_TEST_CONTEXT(span) { BOOST_TEST(!interpret(lex(), span, false).has_value()); }
    }
}

BOOST_AUTO_TEST_CASE(minggu_is_a_week_or_sunday) {
    // inside a sentence a capital means the day; at a sentence start it means nothing
    Reading sunday = read("Minggu lalu", false);
    BOOST_TEST(val(sunday.date.weekday) == 7);
    BOOST_TEST(!sunday.unit);
    Reading week = read("Minggu lalu", true);
    BOOST_TEST(!week.date.weekday);
    BOOST_TEST_REQUIRE(week.unit.has_value());
    BOOST_TEST(week.unit->unit == TimeUnit::week);
    Reading lower = read("minggu lalu", false);
    BOOST_TEST_REQUIRE(lower.unit.has_value());
    BOOST_TEST(lower.unit->unit == TimeUnit::week);
    Reading counted = read("dua Minggu", false);
    BOOST_TEST_REQUIRE(counted.unit.has_value());
    BOOST_TEST(val(counted.quantity) == 2.0);
}

BOOST_AUTO_TEST_CASE(number_words_and_digits) {
    Reading words = read("dua puluh lima hari");
    BOOST_TEST(val(words.quantity) == 25.0);
    BOOST_TEST_REQUIRE(words.unit.has_value());
    BOOST_TEST(words.unit->unit == TimeUnit::day);
    BOOST_TEST(val(read("dua belas tahun").quantity) == 12.0);
    BOOST_TEST(val(read("5,5 tahun").quantity) == 5.5);
    BOOST_TEST(val(read("20.000 tahun").quantity) == 20000.0);  // a thousands dot
}

BOOST_AUTO_TEST_CASE(clock_times) {
    Reading r = read("pukul 8 malam");
    BOOST_TEST(val(r.hour) == 20);
    BOOST_TEST(val(r.minute) == 0);
    Reading z = read("pukul 10.30 WIB");
    BOOST_TEST(val(z.hour) == 10);
    BOOST_TEST(val(z.minute) == 30);
    BOOST_TEST(z.zone == "+07:00");
    BOOST_TEST(val(read("pukul 24.00").hour) == 0);
}

BOOST_AUTO_TEST_CASE(ranges) {
    Reading r = read("13-14 September 2023");
    BOOST_TEST(val(r.date.day) == 13);
    BOOST_TEST(val(r.date.month) == 9);
    BOOST_TEST(val(r.date.year) == 2023);
    BOOST_TEST_REQUIRE(r.range_end.has_value());
    BOOST_TEST(val(r.range_end->day) == 14);
    BOOST_TEST(val(r.range_end->month) == 9);
    BOOST_TEST(val(r.range_end->year) == 2023);
    Reading opened = read("antara Mei dan Juli 2023");
    BOOST_TEST(opened.trim_front == 7u);  // "antara " stays outside the span
    BOOST_TEST(val(opened.date.month) == 5);
    BOOST_TEST(val(opened.date.year) == 2023);
    BOOST_TEST_REQUIRE(opened.range_end.has_value());
    BOOST_TEST(val(opened.range_end->month) == 7);
}

BOOST_AUTO_TEST_CASE(decades_centuries_and_periods) {
    BOOST_TEST(val(read("tahun 1990-an").decade) == 199);
    BOOST_TEST(val(read("90-an").decade) == 199);
    BOOST_TEST(val(read("2000-an").decade) == 200);
    BOOST_TEST(val(read("abad ke-21").century) == 20);
    BOOST_TEST(val(read("abad XXI").century) == 20);
    Reading q = read("kuartal ketiga 2023");
    BOOST_TEST(q.period_unit == 'Q');
    BOOST_TEST(q.period_index == 3);
    BOOST_TEST(val(q.date.year) == 2023);
}

BOOST_AUTO_TEST_CASE(bare_years_and_led_years) {
    BOOST_TEST(read("2012").bare_year());
    BOOST_TEST(!read("tahun 2012").bare_year());
    BOOST_TEST(read("tahun 2012").led_by_word);
    BOOST_TEST(!read("Mei 2012").bare_year());
}

BOOST_AUTO_TEST_CASE(typographic_apostrophe_and_reduplication) {
    BOOST_TEST(val(read("Jum\xE2\x80\x99" "at").date.weekday) == 5);
    Reading r = read("bertahun-tahun");
    BOOST_TEST(r.vague_quantity);
    BOOST_TEST_REQUIRE(r.unit.has_value());
    BOOST_TEST(r.unit->unit == TimeUnit::year);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(relative_to_the_anchor)

BOOST_AUTO_TEST_CASE(relative_days) {
    BOOST_TEST(at_anchor("hari ini") == "DATE 2023-09-13 2023-09-13..2023-09-13");
    BOOST_TEST(at_anchor("kemarin") == "DATE 2023-09-12 2023-09-12..2023-09-12");
    BOOST_TEST(at_anchor("besok") == "DATE 2023-09-14 2023-09-14..2023-09-14");
    BOOST_TEST(at_anchor("lusa") == "DATE 2023-09-15 2023-09-15..2023-09-15");
    BOOST_TEST(at_anchor("kemarin lusa") == "DATE 2023-09-11 2023-09-11..2023-09-11");
    BOOST_TEST(at_anchor("tadi malam") == "TIME 2023-09-12TNI 2023-09-12..2023-09-12");
    TimeMention m = resolved("kemarin", anchored());
    BOOST_TEST(m.basis == DateBasis::relative);
    BOOST_TEST(!m.is_range);
}

BOOST_AUTO_TEST_CASE(weeks) {
    BOOST_TEST(at_anchor("pekan lalu") == "DATE 2023-W36 2023-09-04..2023-09-10");
    BOOST_TEST(at_anchor("pekan ini") == "DATE 2023-W37 2023-09-11..2023-09-17");
    BOOST_TEST(at_anchor("minggu depan") == "DATE 2023-W38 2023-09-18..2023-09-24");
    BOOST_TEST(at_anchor("akhir pekan") == "DATE 2023-W37-WE 2023-09-16..2023-09-17");
    BOOST_TEST(at_anchor("akhir pekan lalu") == "DATE 2023-W36-WE 2023-09-09..2023-09-10");
}

BOOST_AUTO_TEST_CASE(months_and_years) {
    BOOST_TEST(at_anchor("bulan lalu") == "DATE 2023-08 2023-08-01..2023-08-31");
    BOOST_TEST(at_anchor("bulan ini") == "DATE 2023-09 2023-09-01..2023-09-30");
    BOOST_TEST(at_anchor("bulan depan") == "DATE 2023-10 2023-10-01..2023-10-31");
    BOOST_TEST(at_anchor("tahun lalu") == "DATE 2022 2022-01-01..2022-12-31");
    BOOST_TEST(at_anchor("tahun depan") == "DATE 2024 2024-01-01..2024-12-31");
    BOOST_TEST(at_anchor("Mei tahun lalu") == "DATE 2022-05 2022-05-01..2022-05-31");
}

BOOST_AUTO_TEST_CASE(counted_units_ago_and_ahead) {
    BOOST_TEST(at_anchor("tiga hari lalu") == "DATE 2023-09-10 2023-09-10..2023-09-10");
    BOOST_TEST(at_anchor("sepekan lalu") == "DATE 2023-09-06 2023-09-06..2023-09-06");
    BOOST_TEST(at_anchor("dua pekan lalu") == "DATE 2023-08-30 2023-08-30..2023-08-30");
    BOOST_TEST(at_anchor("lima bulan lalu") == "DATE 2023-04-13 2023-04-13..2023-04-13");
    BOOST_TEST(at_anchor("dua bulan lagi") == "DATE 2023-11-13 2023-11-13..2023-11-13");
    BOOST_TEST(at_anchor("sepuluh tahun silam") == "DATE 2013-09-13 2013-09-13..2013-09-13");
}

BOOST_AUTO_TEST_CASE(month_steps_clamp_the_day) {
    ResolveContext ctx;
    ctx.anchor = date::sys_days{date::year{2024} / 3 / 31};
    BOOST_TEST(describe(resolved("sebulan lalu", ctx)) == "DATE 2024-02-29 2024-02-29..2024-02-29");
    ctx.anchor = date::sys_days{date::year{2024} / 2 / 29};
    BOOST_TEST(describe(resolved("setahun lalu", ctx)) == "DATE 2023-02-28 2023-02-28..2023-02-28");
}

BOOST_AUTO_TEST_CASE(weekday_inference_prefers_the_past) {
    // Wednesday 13th: Monday is 2 days back or 5 ahead; Thursday 6 back or 1 ahead.
    BOOST_TEST(at_anchor("Senin") == "DATE 2023-09-11 2023-09-11..2023-09-11");
    BOOST_TEST(at_anchor("Selasa") == "DATE 2023-09-12 2023-09-12..2023-09-12");
    BOOST_TEST(at_anchor("Rabu") == "DATE 2023-09-13 2023-09-13..2023-09-13");
    BOOST_TEST(at_anchor("Kamis") == "DATE 2023-09-14 2023-09-14..2023-09-14");
    BOOST_TEST(at_anchor("Jumat") == "DATE 2023-09-08 2023-09-08..2023-09-08");
    BOOST_TEST(at_anchor("Sabtu") == "DATE 2023-09-09 2023-09-09..2023-09-09");
    BOOST_TEST(at_anchor("Minggu") == "DATE 2023-09-10 2023-09-10..2023-09-10");
}

BOOST_AUTO_TEST_CASE(weekday_tense_cues) {
    BOOST_TEST(at_anchor("Senin", TenseCue::future) == "DATE 2023-09-18 2023-09-18..2023-09-18");
    BOOST_TEST(at_anchor("Jumat", TenseCue::future) == "DATE 2023-09-15 2023-09-15..2023-09-15");
    BOOST_TEST(at_anchor("Rabu", TenseCue::future) == "DATE 2023-09-13 2023-09-13..2023-09-13");  // today
    BOOST_TEST(at_anchor("Kamis", TenseCue::past) == "DATE 2023-09-07 2023-09-07..2023-09-07");
    BOOST_TEST(at_anchor("Senin", TenseCue::past) == "DATE 2023-09-11 2023-09-11..2023-09-11");
}

BOOST_AUTO_TEST_CASE(weekday_directions) {
    BOOST_TEST(at_anchor("Senin lalu") == "DATE 2023-09-11 2023-09-11..2023-09-11");
    BOOST_TEST(at_anchor("Rabu lalu") == "DATE 2023-09-06 2023-09-06..2023-09-06");
    BOOST_TEST(at_anchor("Jumat depan") == "DATE 2023-09-22 2023-09-22..2023-09-22");
    BOOST_TEST(at_anchor("Jumat mendatang") == "DATE 2023-09-15 2023-09-15..2023-09-15");
    BOOST_TEST(at_anchor("Kamis ini") == "DATE 2023-09-14 2023-09-14..2023-09-14");
    BOOST_TEST(at_anchor("Rabu pekan lalu") == "DATE 2023-09-06 2023-09-06..2023-09-06");
    BOOST_TEST(at_anchor("Senin minggu depan") == "DATE 2023-09-18 2023-09-18..2023-09-18");
    // a direction overrides a cue
    BOOST_TEST(at_anchor("Jumat mendatang", TenseCue::past) == "DATE 2023-09-15 2023-09-15..2023-09-15");
}

BOOST_AUTO_TEST_CASE(month_inference) {
    BOOST_TEST(at_anchor("Juni") == "DATE 2023-06 2023-06-01..2023-06-30");
    BOOST_TEST(at_anchor("September") == "DATE 2023-09 2023-09-01..2023-09-30");
    BOOST_TEST(at_anchor("Oktober") == "DATE 2023-10 2023-10-01..2023-10-31");
    BOOST_TEST(at_anchor("Desember") == "DATE 2022-12 2022-12-01..2022-12-31");
    BOOST_TEST(at_anchor("Juni", TenseCue::future) == "DATE 2024-06 2024-06-01..2024-06-30");
    BOOST_TEST(at_anchor("Oktober", TenseCue::past) == "DATE 2022-10 2022-10-01..2022-10-31");
    BOOST_TEST(at_anchor("Agustus lalu") == "DATE 2023-08 2023-08-01..2023-08-31");
    BOOST_TEST(at_anchor("Oktober lalu") == "DATE 2022-10 2022-10-01..2022-10-31");
    BOOST_TEST(at_anchor("Maret depan") == "DATE 2024-03 2024-03-01..2024-03-31");
    BOOST_TEST(at_anchor("Desember mendatang") == "DATE 2023-12 2023-12-01..2023-12-31");
}

BOOST_AUTO_TEST_CASE(day_month_inference) {
    BOOST_TEST(at_anchor("15 Agustus") == "DATE 2023-08-15 2023-08-15..2023-08-15");
    BOOST_TEST(at_anchor("20 September") == "DATE 2023-09-20 2023-09-20..2023-09-20");
    BOOST_TEST(at_anchor("20 Agustus", TenseCue::future) == "DATE 2024-08-20 2024-08-20..2024-08-20");
    BOOST_TEST(at_anchor("20 September", TenseCue::past) == "DATE 2022-09-20 2022-09-20..2022-09-20");
    // "lalu" on the anchor's own day means a year back
    BOOST_TEST(at_anchor("13 September lalu") == "DATE 2022-09-13 2022-09-13..2022-09-13");
    // 29 February: 2020 is far back, 2024 near ahead
    BOOST_TEST(at_anchor("29 Februari") == "DATE 2024-02-29 2024-02-29..2024-02-29");
}

BOOST_AUTO_TEST_CASE(named_days) {
    BOOST_TEST(at_anchor("Hari Kemerdekaan") == "DATE 2023-08-17 2023-08-17..2023-08-17");
    BOOST_TEST(at_anchor("Natal") == "DATE 2022-12-25 2022-12-25..2022-12-25");
    BOOST_TEST(at_anchor("Natal", TenseCue::future) == "DATE 2023-12-25 2023-12-25..2023-12-25");
    BOOST_TEST(at_anchor("Natal tahun ini") == "DATE 2023-12-25 2023-12-25..2023-12-25");
    BOOST_TEST(at_anchor("Natal tahun lalu") == "DATE 2022-12-25 2022-12-25..2022-12-25");
}

BOOST_AUTO_TEST_CASE(parts_of_periods) {
    BOOST_TEST(at_anchor("akhir Agustus lalu") == "DATE 2023-08 END 2023-08-21..2023-08-31");
    BOOST_TEST(at_anchor("awal bulan depan") == "DATE 2023-10 START 2023-10-01..2023-10-10");
    BOOST_TEST(at_anchor("akhir tahun ini") == "DATE 2023 END 2023-09-01..2023-12-31");
    BOOST_TEST(at_anchor("pertengahan 2022") == "DATE 2022 MID 2022-05-01..2022-08-31");
    BOOST_TEST(at_anchor("awal Juni 2024") == "DATE 2024-06 START 2024-06-01..2024-06-10");
}

BOOST_AUTO_TEST_CASE(quarters_halves_seasons_decades) {
    BOOST_TEST(at_anchor("kuartal ketiga 2023") == "DATE 2023-Q3 2023-07-01..2023-09-30");
    BOOST_TEST(at_anchor("kuartal lalu") == "DATE 2023-Q2 2023-04-01..2023-06-30");
    BOOST_TEST(at_anchor("semester pertama tahun depan") == "DATE 2024-H1 2024-01-01..2024-06-30");
    BOOST_TEST(at_anchor("musim panas 2021") == "DATE 2021-SU 2021-06-01..2021-08-31");
    BOOST_TEST(at_anchor("tahun 1990-an") == "DATE 199 1990-01-01..1999-12-31");
    BOOST_TEST(at_anchor("abad ke-20") == "DATE 19 1900-01-01..1999-12-31");
}

BOOST_AUTO_TEST_CASE(explicit_dates_ignore_the_anchor) {
    TimeMention m = resolved("Selasa, 15 Agustus 2023", anchored());
    BOOST_TEST(describe(m) == "DATE 2023-08-15 2023-08-15..2023-08-15");
    BOOST_TEST(m.basis == DateBasis::explicit_date);
    BOOST_TEST(at_anchor("15/08/2023") == "DATE 2023-08-15 2023-08-15..2023-08-15");
    BOOST_TEST(at_anchor("2023-08-15") == "DATE 2023-08-15 2023-08-15..2023-08-15");
    BOOST_TEST(at_anchor("tahun 2019") == "DATE 2019 2019-01-01..2019-12-31");
    BOOST_TEST(describe(resolved("15 Agustus 2023", unanchored())) == "DATE 2023-08-15 2023-08-15..2023-08-15");
}

BOOST_AUTO_TEST_CASE(impossible_dates_name_no_time) {
    TimeMention m = resolved("31 Februari 2023", anchored());
    BOOST_TEST(m.type.empty());
    BOOST_TEST(!m.point);
    BOOST_TEST(resolved("29/2/2023", anchored()).type.empty());
}

BOOST_AUTO_TEST_CASE(times) {
    BOOST_TEST(at_anchor("pukul 10.30 WIB") == "TIME 2023-09-13T10:30+07:00 2023-09-13..2023-09-13");
    BOOST_TEST(at_anchor("kemarin pukul 14.00") == "TIME 2023-09-12T14:00 2023-09-12..2023-09-12");
    BOOST_TEST(at_anchor("pukul 8 malam") == "TIME 2023-09-13T20:00 2023-09-13..2023-09-13");
    BOOST_TEST(at_anchor("Senin malam") == "TIME 2023-09-11TNI 2023-09-11..2023-09-11");
    BOOST_TEST(at_anchor("15 Agustus 2023 pukul 07.15 WITA") ==
               "TIME 2023-08-15T07:15+08:00 2023-08-15..2023-08-15");
}

BOOST_AUTO_TEST_CASE(vague_references) {
    TimeMention now = resolved("sekarang", anchored());
    BOOST_TEST(describe(now) == "DATE PRESENT_REF 2023-09-13..2023-09-13");
    BOOST_TEST(at_anchor("baru-baru ini") == "DATE PAST_REF");
    BOOST_TEST(at_anchor("masa depan") == "DATE FUTURE_REF");
    BOOST_TEST(at_anchor("beberapa tahun lalu") == "DATE PAST_REF");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(durations_sets_ranges)

BOOST_AUTO_TEST_CASE(durations) {
    BOOST_TEST(at_anchor("dua tahun") == "DURATION P2Y");
    BOOST_TEST(at_anchor("sekitar tiga jam") == "DURATION PT3H APPROX");
    BOOST_TEST(at_anchor("lebih dari 5,5 tahun") == "DURATION P5.5Y MORE_THAN");
    BOOST_TEST(at_anchor("30 menit") == "DURATION PT30M");
    BOOST_TEST(at_anchor("48 jam") == "DURATION PT48H");
    BOOST_TEST(at_anchor("tiga minggu") == "DURATION P3W");
    BOOST_TEST(at_anchor("dua dekade") == "DURATION P20Y");
    BOOST_TEST(at_anchor("sewindu") == "DURATION P8Y");
    BOOST_TEST(at_anchor("beberapa tahun") == "DURATION PXY");
    BOOST_TEST(at_anchor("berbulan-bulan") == "DURATION PXM");
    BOOST_TEST(at_anchor("lima tahun terakhir") == "DURATION P5Y");
    BOOST_TEST(at_anchor("dua tahun ke depan") == "DURATION P2Y");
    // a duration needs no anchor
    BOOST_TEST(without_anchor("dua puluh lima hari") == "DURATION P25D");
}

BOOST_AUTO_TEST_CASE(sets) {
    BOOST_TEST(at_anchor("setiap tahun") == "SET P1Y");
    BOOST_TEST(at_anchor("setiap dua minggu") == "SET P2W");
    BOOST_TEST(at_anchor("tiap Senin") == "SET XXXX-WXX-1");
    BOOST_TEST(at_anchor("tiap Jumat malam") == "SET XXXX-WXX-5TNI");
    BOOST_TEST(at_anchor("setiap 17 Agustus") == "SET XXXX-08-17");
    BOOST_TEST(at_anchor("saban pagi") == "SET XXXX-XX-XXTMO");
    BOOST_TEST(!resolved("setiap tahun", anchored()).point);
}

BOOST_AUTO_TEST_CASE(ranges) {
    TimeMention days = resolved("13-14 September 2023", anchored());
    BOOST_TEST(days.is_range);
    BOOST_TEST(describe(days) == "DATE 2023-09-13/2023-09-14 2023-09-13..2023-09-14");
    BOOST_TEST(at_anchor("antara Mei dan Juli 2023") == "DATE 2023-05/2023-07 2023-05-01..2023-07-31");
    BOOST_TEST(at_anchor("1 hingga 3 Oktober") == "DATE 2023-10-01/2023-10-03 2023-10-01..2023-10-03");
    BOOST_TEST(at_anchor("2020-2022") == "DATE 2020/2022 2020-01-01..2022-12-31");
    BOOST_TEST(at_anchor("4-8/9/2023") == "DATE 2023-09-04/2023-09-08 2023-09-04..2023-09-08");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(without_an_anchor)

BOOST_AUTO_TEST_CASE(relative_values_stay_underspecified) {
    BOOST_TEST(without_anchor("15 Agustus") == "DATE XXXX-08-15");
    BOOST_TEST(without_anchor("Agustus") == "DATE XXXX-08");
    BOOST_TEST(without_anchor("Senin") == "DATE XXXX-WXX-1");
    BOOST_TEST(without_anchor("kemarin") == "DATE XXXX-XX-XX");
    BOOST_TEST(without_anchor("bulan lalu") == "DATE XXXX-XX");
    BOOST_TEST(without_anchor("Natal") == "DATE XXXX-12-25");
    BOOST_TEST(without_anchor("akhir Agustus lalu") == "DATE XXXX-08 END");
    BOOST_TEST(without_anchor("akhir pekan") == "DATE XXXX-WXX-WE");
    BOOST_TEST(without_anchor("tadi malam") == "TIME XXXX-XX-XXTNI");
    BOOST_TEST(without_anchor("pukul 10.30 WIB") == "TIME XXXX-XX-XXT10:30+07:00");
}

BOOST_AUTO_TEST_CASE(quarters_halves_and_seasons_keep_their_part_of_the_year) {
    BOOST_TEST(without_anchor("kuartal ketiga") == "DATE XXXX-Q3");
    BOOST_TEST(without_anchor("triwulan I") == "DATE XXXX-Q1");
    BOOST_TEST(without_anchor("semester pertama") == "DATE XXXX-H1");
    BOOST_TEST(without_anchor("kuartal ketiga tahun lalu") == "DATE XXXX-Q3");
    BOOST_TEST(without_anchor("kuartal lalu") == "DATE XXXX-QX");
    BOOST_TEST(without_anchor("semester depan") == "DATE XXXX-HX");
    BOOST_TEST(without_anchor("musim dingin") == "DATE XXXX-WI");
    BOOST_TEST(without_anchor("musim panas tahun lalu") == "DATE XXXX-SU");
    BOOST_TEST(without_anchor("kuartal ketiga 2023") == "DATE 2023-Q3 2023-07-01..2023-09-30");
}

BOOST_AUTO_TEST_CASE(basis_is_unanchored_and_no_interval) {
    for (const char* span : {"15 Agustus", "Senin", "tiga hari lalu", "sehari sebelumnya", "bulan depan"}) {
        BOOST_TEST_CONTEXT(span) {
            TimeMention m = resolved(span, unanchored());
            BOOST_TEST(m.type == "DATE");
            BOOST_TEST(m.basis == DateBasis::unanchored);
            BOOST_TEST(!m.point);
            BOOST_TEST(m.value.rfind("XXXX", 0) == 0u);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(relative_to_the_focus)

ResolveContext focused_on_day(int y, unsigned m, unsigned d) {
    ResolveContext ctx = anchored();
    ctx.focus = CalendarPoint::on_day(date::year{y} / date::month{m} / date::day{d});
    ctx.focus_day = ctx.focus;
    return ctx;
}

BOOST_AUTO_TEST_CASE(counted_from_the_last_day_mentioned) {
    ResolveContext ctx = focused_on_day(2023, 6, 2);
    TimeMention m = resolved("sehari sebelumnya", ctx);
    BOOST_TEST(describe(m) == "DATE 2023-06-01 2023-06-01..2023-06-01");
    BOOST_TEST(m.basis == DateBasis::context);
    BOOST_TEST(describe(resolved("tiga hari kemudian", ctx)) == "DATE 2023-06-05 2023-06-05..2023-06-05");
    BOOST_TEST(describe(resolved("dua pekan kemudian", ctx)) == "DATE 2023-06-16 2023-06-16..2023-06-16");
    BOOST_TEST(describe(resolved("sebulan kemudian", ctx)) == "DATE 2023-07-02 2023-07-02..2023-07-02");
    BOOST_TEST(describe(resolved("setahun sebelumnya", ctx)) == "DATE 2022-06-02 2022-06-02..2022-06-02");
}

BOOST_AUTO_TEST_CASE(periods_around_the_focus) {
    ResolveContext ctx = focused_on_day(2023, 6, 2);
    BOOST_TEST(describe(resolved("bulan sebelumnya", ctx)) == "DATE 2023-05 2023-05-01..2023-05-31");
    BOOST_TEST(describe(resolved("minggu berikutnya", ctx)) == "DATE 2023-W23 2023-06-05..2023-06-11");
    BOOST_TEST(describe(resolved("tahun berikutnya", ctx)) == "DATE 2024 2024-01-01..2024-12-31");
    TimeMention m = resolved("tahun berikutnya", ctx);
    BOOST_TEST(m.basis == DateBasis::context);
}

BOOST_AUTO_TEST_CASE(coarse_focus_keeps_its_precision) {
    ResolveContext ctx = anchored();
    ctx.focus = CalendarPoint::in_month(date::year{2023}, date::May);
    ctx.focus_day = CalendarPoint::on_day(date::year{2023} / 4 / 30);
    // days count from the last day named; months and years from the last date at any precision
    BOOST_TEST(describe(resolved("dua hari kemudian", ctx)) == "DATE 2023-05-02 2023-05-02..2023-05-02");
    BOOST_TEST(describe(resolved("sebulan kemudian", ctx)) == "DATE 2023-06 2023-06-01..2023-06-30");
    BOOST_TEST(describe(resolved("setahun kemudian", ctx)) == "DATE 2024-05 2024-05-01..2024-05-31");

    ctx.focus = CalendarPoint::in_year(date::year{2020});
    BOOST_TEST(describe(resolved("setahun kemudian", ctx)) == "DATE 2021 2021-01-01..2021-12-31");
    BOOST_TEST(describe(resolved("dua tahun sebelumnya", ctx)) == "DATE 2018 2018-01-01..2018-12-31");
}

BOOST_AUTO_TEST_CASE(without_a_focus_the_anchor_is_the_focus) {
    TimeMention m = resolved("sehari sebelumnya", anchored());
    BOOST_TEST(describe(m) == "DATE 2023-09-12 2023-09-12..2023-09-12");
    BOOST_TEST(m.basis == DateBasis::context);
}

BOOST_AUTO_TEST_CASE(focus_without_an_anchor) {
    ResolveContext ctx;
    ctx.focus = CalendarPoint::on_day(date::year{2014} / 12 / 28);
    ctx.focus_day = ctx.focus;
    TimeMention m = resolved("dua hari kemudian", ctx);
    BOOST_TEST(describe(m) == "DATE 2014-12-30 2014-12-30..2014-12-30");
    BOOST_TEST(m.basis == DateBasis::context);
}

BOOST_AUTO_TEST_SUITE_END()
