// Unit tests for src/dates/calendar_point.h: calendar intervals, their thirds, and
// moving them through the calendar.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE calendar_point
#include <boost/test/unit_test.hpp>

#include <string>

#include "dates/calendar_point.h"

using namespace linimasa;

namespace {

date::sys_days ymd(int y, unsigned m, unsigned d) {
    return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

// "value first..last", for one comparison that prints everything on failure.
std::string describe(const CalendarPoint& p) { return p.value + " " + iso_day(p.first) + ".." + iso_day(p.last); }

}  // namespace

BOOST_AUTO_TEST_SUITE(construction)

BOOST_AUTO_TEST_CASE(iso_day_text) {
    BOOST_TEST(iso_day(ymd(2023, 8, 5)) == "2023-08-05");
    BOOST_TEST(iso_day(ymd(2024, 12, 31)) == "2024-12-31");
}

BOOST_AUTO_TEST_CASE(day) {
    CalendarPoint p = CalendarPoint::on_day(date::year{2024} / 2 / 29);
    BOOST_TEST((p.granularity == Granularity::day));
    BOOST_TEST(describe(p) == "2024-02-29 2024-02-29..2024-02-29");
}

BOOST_AUTO_TEST_CASE(month) {
    CalendarPoint p = CalendarPoint::in_month(date::year{2024}, date::June);
    BOOST_TEST((p.granularity == Granularity::month));
    BOOST_TEST(describe(p) == "2024-06 2024-06-01..2024-06-30");
    BOOST_TEST(describe(CalendarPoint::in_month(date::year{2023}, date::August)) == "2023-08 2023-08-01..2023-08-31");
}

BOOST_AUTO_TEST_CASE(february_and_leap_years) {
    BOOST_TEST(describe(CalendarPoint::in_month(date::year{2024}, date::February)) == "2024-02 2024-02-01..2024-02-29");
    BOOST_TEST(describe(CalendarPoint::in_month(date::year{2023}, date::February)) == "2023-02 2023-02-01..2023-02-28");
    BOOST_TEST(describe(CalendarPoint::in_month(date::year{1900}, date::February)) == "1900-02 1900-02-01..1900-02-28");
    BOOST_TEST(describe(CalendarPoint::in_month(date::year{2000}, date::February)) == "2000-02 2000-02-01..2000-02-29");
    CalendarPoint leap = CalendarPoint::in_year(date::year{2024});
    BOOST_TEST((leap.last - leap.first).count() == 365);
    CalendarPoint common = CalendarPoint::in_year(date::year{2023});
    BOOST_TEST((common.last - common.first).count() == 364);
}

BOOST_AUTO_TEST_CASE(year) {
    CalendarPoint p = CalendarPoint::in_year(date::year{2023});
    BOOST_TEST((p.granularity == Granularity::year));
    BOOST_TEST(describe(p) == "2023 2023-01-01..2023-12-31");
    BOOST_TEST(p.first_year() == 2023);
}

BOOST_AUTO_TEST_CASE(iso_week) {
    CalendarPoint p = CalendarPoint::week_of(ymd(2023, 9, 13));
    BOOST_TEST((p.granularity == Granularity::week));
    BOOST_TEST(describe(p) == "2023-W37 2023-09-11..2023-09-17");
    // Monday and Sunday belong to the same week
    BOOST_TEST(CalendarPoint::week_of(ymd(2023, 9, 11)).value == "2023-W37");
    BOOST_TEST(CalendarPoint::week_of(ymd(2023, 9, 17)).value == "2023-W37");
    BOOST_TEST(CalendarPoint::week_of(ymd(2023, 9, 18)).value == "2023-W38");
}

BOOST_AUTO_TEST_CASE(iso_week_53_and_year_ends) {
    BOOST_TEST(describe(CalendarPoint::week_of(ymd(2020, 12, 31))) == "2020-W53 2020-12-28..2021-01-03");
    BOOST_TEST(CalendarPoint::week_of(ymd(2021, 1, 3)).value == "2020-W53");
    BOOST_TEST(describe(CalendarPoint::week_of(ymd(2021, 1, 4))) == "2021-W01 2021-01-04..2021-01-10");
    BOOST_TEST(CalendarPoint::week_of(ymd(2015, 12, 31)).value == "2015-W53");
    // 1 January 2023 is a Sunday, the end of 2022's last week
    BOOST_TEST(CalendarPoint::week_of(ymd(2023, 1, 1)).value == "2022-W52");
    // 30 December 2024 is a Monday, the start of 2025-W01
    BOOST_TEST(describe(CalendarPoint::week_of(ymd(2024, 12, 30))) == "2025-W01 2024-12-30..2025-01-05");
}

BOOST_AUTO_TEST_CASE(weekend) {
    CalendarPoint p = CalendarPoint::weekend_of(ymd(2023, 9, 13));
    BOOST_TEST((p.granularity == Granularity::weekend));
    BOOST_TEST(describe(p) == "2023-W37-WE 2023-09-16..2023-09-17");
    BOOST_TEST(describe(CalendarPoint::weekend_of(ymd(2021, 1, 2))) == "2020-W53-WE 2021-01-02..2021-01-03");
}

BOOST_AUTO_TEST_CASE(quarters) {
    BOOST_TEST(describe(CalendarPoint::quarter(date::year{2024}, 1)) == "2024-Q1 2024-01-01..2024-03-31");
    BOOST_TEST(describe(CalendarPoint::quarter(date::year{2023}, 2)) == "2023-Q2 2023-04-01..2023-06-30");
    BOOST_TEST(describe(CalendarPoint::quarter(date::year{2023}, 3)) == "2023-Q3 2023-07-01..2023-09-30");
    BOOST_TEST(describe(CalendarPoint::quarter(date::year{2023}, 4)) == "2023-Q4 2023-10-01..2023-12-31");
    BOOST_TEST((CalendarPoint::quarter(date::year{2023}, 4).granularity == Granularity::quarter));
}

BOOST_AUTO_TEST_CASE(halves) {
    BOOST_TEST(describe(CalendarPoint::half(date::year{2024}, 1)) == "2024-H1 2024-01-01..2024-06-30");
    BOOST_TEST(describe(CalendarPoint::half(date::year{2024}, 2)) == "2024-H2 2024-07-01..2024-12-31");
    BOOST_TEST((CalendarPoint::half(date::year{2024}, 2).granularity == Granularity::half));
}

BOOST_AUTO_TEST_CASE(seasons) {
    BOOST_TEST(describe(CalendarPoint::season(date::year{2023}, "SP")) == "2023-SP 2023-03-01..2023-05-31");
    BOOST_TEST(describe(CalendarPoint::season(date::year{2023}, "SU")) == "2023-SU 2023-06-01..2023-08-31");
    BOOST_TEST(describe(CalendarPoint::season(date::year{2023}, "FA")) == "2023-FA 2023-09-01..2023-11-30");
    // winter runs into the next year, to the end of a leap February here
    BOOST_TEST(describe(CalendarPoint::season(date::year{2023}, "WI")) == "2023-WI 2023-12-01..2024-02-29");
    BOOST_TEST(describe(CalendarPoint::season(date::year{2024}, "WI")) == "2024-WI 2024-12-01..2025-02-28");
    BOOST_TEST(CalendarPoint::season(date::year{2023}, "WI").first_year() == 2023);
}

BOOST_AUTO_TEST_CASE(decades_and_centuries) {
    CalendarPoint nineties = CalendarPoint::decade(199);
    BOOST_TEST((nineties.granularity == Granularity::decade));
    BOOST_TEST(describe(nineties) == "199 1990-01-01..1999-12-31");
    BOOST_TEST(describe(CalendarPoint::decade(202)) == "202 2020-01-01..2029-12-31");
    CalendarPoint c = CalendarPoint::century(19);
    BOOST_TEST((c.granularity == Granularity::century));
    BOOST_TEST(describe(c) == "19 1900-01-01..1999-12-31");
    BOOST_TEST(describe(CalendarPoint::century(20)) == "20 2000-01-01..2099-12-31");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(parts)

BOOST_AUTO_TEST_CASE(month_thirds) {
    CalendarPoint june = CalendarPoint::in_month(date::year{2024}, date::June);
    BOOST_TEST(describe(june.with_part("START")) == "2024-06 2024-06-01..2024-06-10");
    BOOST_TEST(describe(june.with_part("MID")) == "2024-06 2024-06-11..2024-06-20");
    BOOST_TEST(describe(june.with_part("END")) == "2024-06 2024-06-21..2024-06-30");
    CalendarPoint august = CalendarPoint::in_month(date::year{2023}, date::August);
    BOOST_TEST(describe(august.with_part("START")) == "2023-08 2023-08-01..2023-08-10");
    BOOST_TEST(describe(august.with_part("MID")) == "2023-08 2023-08-11..2023-08-20");
    BOOST_TEST(describe(august.with_part("END")) == "2023-08 2023-08-21..2023-08-31");
    BOOST_TEST((august.with_part("END").granularity == Granularity::month));
}

BOOST_AUTO_TEST_CASE(february_thirds_follow_the_month_rule) {
    // A month's thirds are days 1-10, 11-20 and 21 to the end (calendar_point.cpp), February too.
    CalendarPoint feb = CalendarPoint::in_month(date::year{2024}, date::February);
    BOOST_TEST(describe(feb.with_part("START")) == "2024-02 2024-02-01..2024-02-10");
    BOOST_TEST(describe(feb.with_part("MID")) == "2024-02 2024-02-11..2024-02-20");
    BOOST_TEST(describe(feb.with_part("END")) == "2024-02 2024-02-21..2024-02-29");
    CalendarPoint feb23 = CalendarPoint::in_month(date::year{2023}, date::February);
    BOOST_TEST(describe(feb23.with_part("END")) == "2023-02 2023-02-21..2023-02-28");
}

BOOST_AUTO_TEST_CASE(year_thirds_are_four_months) {
    CalendarPoint y = CalendarPoint::in_year(date::year{2022});
    BOOST_TEST(describe(y.with_part("START")) == "2022 2022-01-01..2022-04-30");
    BOOST_TEST(describe(y.with_part("MID")) == "2022 2022-05-01..2022-08-31");
    BOOST_TEST(describe(y.with_part("END")) == "2022 2022-09-01..2022-12-31");
    BOOST_TEST((y.with_part("MID").granularity == Granularity::year));
}

BOOST_AUTO_TEST_CASE(quarter_and_half_thirds_are_whole_months) {
    CalendarPoint q = CalendarPoint::quarter(date::year{2023}, 3);
    BOOST_TEST(describe(q.with_part("START")) == "2023-Q3 2023-07-01..2023-07-31");
    BOOST_TEST(describe(q.with_part("MID")) == "2023-Q3 2023-08-01..2023-08-31");
    BOOST_TEST(describe(q.with_part("END")) == "2023-Q3 2023-09-01..2023-09-30");
    CalendarPoint h = CalendarPoint::half(date::year{2024}, 1);
    BOOST_TEST(describe(h.with_part("START")) == "2024-H1 2024-01-01..2024-02-29");
    BOOST_TEST(describe(h.with_part("END")) == "2024-H1 2024-05-01..2024-06-30");
}

BOOST_AUTO_TEST_CASE(winter_thirds_cross_the_year) {
    CalendarPoint wi = CalendarPoint::season(date::year{2023}, "WI");
    BOOST_TEST(describe(wi.with_part("START")) == "2023-WI 2023-12-01..2023-12-31");
    BOOST_TEST(describe(wi.with_part("MID")) == "2023-WI 2024-01-01..2024-01-31");
    BOOST_TEST(describe(wi.with_part("END")) == "2023-WI 2024-02-01..2024-02-29");
}

BOOST_AUTO_TEST_CASE(thirds_are_contiguous_and_cover_the_whole) {
    const CalendarPoint points[] = {
        CalendarPoint::decade(199),
        CalendarPoint::century(20),
        CalendarPoint::week_of(ymd(2023, 9, 13)),
        CalendarPoint::in_month(date::year{2023}, date::April),
        CalendarPoint::half(date::year{2023}, 2),
    };
    for (const auto& p : points) {
        BOOST_TEST_CONTEXT(describe(p)) {
            CalendarPoint s = p.with_part("START"), m = p.with_part("MID"), e = p.with_part("END");
            BOOST_TEST(iso_day(s.first) == iso_day(p.first));
            BOOST_TEST(iso_day(s.last + date::days{1}) == iso_day(m.first));
            BOOST_TEST(iso_day(m.last + date::days{1}) == iso_day(e.first));
            BOOST_TEST(iso_day(e.last) == iso_day(p.last));
            BOOST_TEST((s.first < s.last));
            BOOST_TEST((m.first < m.last));
            BOOST_TEST((e.first < e.last));
            BOOST_TEST(s.value == p.value);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_day_has_no_thirds) {
    CalendarPoint d = CalendarPoint::on_day(date::year{2023} / 9 / 13);
    BOOST_TEST(describe(d.with_part("END")) == describe(d));
    BOOST_TEST(describe(d.with_part("START")) == describe(d));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(shifting)

BOOST_AUTO_TEST_CASE(days_across_year_end_and_leap_day) {
    CalendarPoint d = CalendarPoint::on_day(date::year{2023} / 12 / 31);
    BOOST_TEST(describe(d.shifted(1)) == "2024-01-01 2024-01-01..2024-01-01");
    BOOST_TEST(CalendarPoint::on_day(date::year{2024} / 3 / 1).shifted(-1).value == "2024-02-29");
    BOOST_TEST(CalendarPoint::on_day(date::year{2023} / 3 / 1).shifted(-1).value == "2023-02-28");
    BOOST_TEST(d.shifted(0).value == "2023-12-31");
}

BOOST_AUTO_TEST_CASE(months_across_year_ends) {
    CalendarPoint dec = CalendarPoint::in_month(date::year{2023}, date::December);
    BOOST_TEST(describe(dec.shifted(1)) == "2024-01 2024-01-01..2024-01-31");
    BOOST_TEST(describe(dec.shifted(2)) == "2024-02 2024-02-01..2024-02-29");
    CalendarPoint jan = CalendarPoint::in_month(date::year{2024}, date::January);
    BOOST_TEST(jan.shifted(-1).value == "2023-12");
    BOOST_TEST(jan.shifted(-13).value == "2022-12");
    BOOST_TEST(jan.shifted(24).value == "2026-01");
    BOOST_TEST((jan.shifted(-1).granularity == Granularity::month));
}

BOOST_AUTO_TEST_CASE(years) {
    CalendarPoint y = CalendarPoint::in_year(date::year{2023});
    BOOST_TEST(describe(y.shifted(-1)) == "2022 2022-01-01..2022-12-31");
    BOOST_TEST(y.shifted(1).value == "2024");
}

BOOST_AUTO_TEST_CASE(weeks_across_week_53) {
    CalendarPoint w53 = CalendarPoint::week_of(ymd(2020, 12, 31));
    BOOST_TEST(describe(w53.shifted(1)) == "2021-W01 2021-01-04..2021-01-10");
    BOOST_TEST(describe(w53.shifted(-1)) == "2020-W52 2020-12-21..2020-12-27");
    CalendarPoint w01 = CalendarPoint::week_of(ymd(2021, 1, 6));
    BOOST_TEST(w01.shifted(-1).value == "2020-W53");
    CalendarPoint w52 = CalendarPoint::week_of(ymd(2023, 12, 27));
    BOOST_TEST(describe(w52.shifted(1)) == "2024-W01 2024-01-01..2024-01-07");
    BOOST_TEST(CalendarPoint::week_of(ymd(2023, 9, 13)).shifted(-1).value == "2023-W36");
}

BOOST_AUTO_TEST_CASE(weekends) {
    CalendarPoint we = CalendarPoint::weekend_of(ymd(2023, 12, 30));
    BOOST_TEST(describe(we.shifted(1)) == "2024-W01-WE 2024-01-06..2024-01-07");
    BOOST_TEST((we.shifted(1).granularity == Granularity::weekend));
}

BOOST_AUTO_TEST_CASE(quarters_and_halves_across_year_ends) {
    CalendarPoint q4 = CalendarPoint::quarter(date::year{2023}, 4);
    BOOST_TEST(describe(q4.shifted(1)) == "2024-Q1 2024-01-01..2024-03-31");
    BOOST_TEST(CalendarPoint::quarter(date::year{2024}, 1).shifted(-1).value == "2023-Q4");
    BOOST_TEST(CalendarPoint::quarter(date::year{2024}, 1).shifted(-5).value == "2022-Q4");
    BOOST_TEST(CalendarPoint::quarter(date::year{2023}, 2).shifted(1).value == "2023-Q3");
    BOOST_TEST(describe(CalendarPoint::half(date::year{2023}, 2).shifted(1)) == "2024-H1 2024-01-01..2024-06-30");
    BOOST_TEST(CalendarPoint::half(date::year{2023}, 1).shifted(-1).value == "2022-H2");
}

BOOST_AUTO_TEST_CASE(seasons_move_by_years) {
    BOOST_TEST(describe(CalendarPoint::season(date::year{2023}, "WI").shifted(1)) == "2024-WI 2024-12-01..2025-02-28");
    BOOST_TEST(describe(CalendarPoint::season(date::year{2023}, "SU").shifted(-1)) ==
               "2022-SU 2022-06-01..2022-08-31");
}

BOOST_AUTO_TEST_CASE(decades_and_centuries) {
    BOOST_TEST(describe(CalendarPoint::decade(199).shifted(1)) == "200 2000-01-01..2009-12-31");
    BOOST_TEST(describe(CalendarPoint::decade(202).shifted(-3)) == "199 1990-01-01..1999-12-31");
    BOOST_TEST(describe(CalendarPoint::century(20).shifted(-1)) == "19 1900-01-01..1999-12-31");
}

BOOST_AUTO_TEST_SUITE_END()
