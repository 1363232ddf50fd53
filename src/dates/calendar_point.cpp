#include "dates/calendar_point.h"

#include <date/iso_week.h>

#include <cstdio>

namespace linimasa {

using namespace date;

namespace {
// Zero-padded numbers without snprintf, which showed up in profiles: one value is built
// per mention. Values outside the fast range take the printf path, so the text is the
// same as "%02u" / "%04d" always.
std::string two(unsigned v) {
    if (v < 100) return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u", v);
    return buf;
}
std::string four(int v) {
    if (v >= 0 && v <= 9999) {
        std::string out(4, '0');
        for (int k = 3; k >= 0; --k, v /= 10) out[static_cast<std::size_t>(k)] = static_cast<char>('0' + v % 10);
        return out;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", v);
    return buf;
}
sys_days last_of_month(year y, month m) { return sys_days{y / m / date::last}; }
}  // namespace

std::string iso_day(sys_days d) {
    year_month_day ymd{d};
    const int y = int(ymd.year());
    const unsigned m = unsigned(ymd.month()), day = unsigned(ymd.day());
    if (y < 0 || y > 9999) return four(y).append("-").append(two(m)).append("-").append(two(day));
    // the common case in one go: two values are written per mention of `dates`
    const char text[10] = {static_cast<char>('0' + y / 1000),      static_cast<char>('0' + y / 100 % 10),
                           static_cast<char>('0' + y / 10 % 10),   static_cast<char>('0' + y % 10),
                           '-',
                           static_cast<char>('0' + m / 10),        static_cast<char>('0' + m % 10),
                           '-',
                           static_cast<char>('0' + day / 10),      static_cast<char>('0' + day % 10)};
    return std::string(text, sizeof text);
}

CalendarPoint CalendarPoint::on_day(year_month_day ymd) {
    sys_days d{ymd};
    return {Granularity::day, iso_day(d), d, d};
}

CalendarPoint CalendarPoint::in_month(year y, date::month m) {
    return {Granularity::month, four(int(y)) + "-" + two(unsigned(m)), sys_days{y / m / 1}, last_of_month(y, m)};
}

CalendarPoint CalendarPoint::in_year(date::year y) {
    return {Granularity::year, four(int(y)), sys_days{y / January / 1}, sys_days{y / December / 31}};
}

CalendarPoint CalendarPoint::week_of(sys_days d) {
    iso_week::year_weeknum_weekday w{d};
    sys_days monday{iso_week::year_weeknum_weekday{w.year(), w.weeknum(), iso_week::mon}};
    std::string value = four(int(w.year())) + "-W" + two(unsigned(w.weeknum()));
    return {Granularity::week, value, monday, monday + days{6}};
}

CalendarPoint CalendarPoint::weekend_of(sys_days d) {
    CalendarPoint w = week_of(d);
    return {Granularity::weekend, w.value + "-WE", w.first + days{5}, w.last};
}

CalendarPoint CalendarPoint::quarter(date::year y, int q) {
    date::month first_month{static_cast<unsigned>(3 * (q - 1) + 1)};
    return {Granularity::quarter, four(int(y)) + "-Q" + std::to_string(q), sys_days{y / first_month / 1},
            last_of_month(y, first_month + months{2})};
}

CalendarPoint CalendarPoint::half(date::year y, int h) {
    date::month first_month{static_cast<unsigned>(6 * (h - 1) + 1)};
    return {Granularity::half, four(int(y)) + "-H" + std::to_string(h), sys_days{y / first_month / 1},
            last_of_month(y, first_month + months{5})};
}

CalendarPoint CalendarPoint::season(date::year y, const std::string& code) {
    CalendarPoint p{Granularity::season, four(int(y)) + "-" + code, {}, {}};
    if (code == "SP") p.first = sys_days{y / March / 1}, p.last = last_of_month(y, May);
    else if (code == "SU") p.first = sys_days{y / June / 1}, p.last = last_of_month(y, August);
    else if (code == "FA") p.first = sys_days{y / September / 1}, p.last = last_of_month(y, November);
    else p.first = sys_days{y / December / 1}, p.last = last_of_month(y + years{1}, February);
    return p;
}

CalendarPoint CalendarPoint::decade(int decade) {
    date::year y{decade * 10};
    return {Granularity::decade, std::to_string(decade), sys_days{y / January / 1},
            sys_days{(y + years{9}) / December / 31}};
}

CalendarPoint CalendarPoint::century(int century) {
    date::year y{century * 100};
    return {Granularity::century, two(static_cast<unsigned>(century)), sys_days{y / January / 1},
            sys_days{(y + years{99}) / December / 31}};
}

CalendarPoint CalendarPoint::with_part(const std::string& part) const {
    CalendarPoint p = *this;
    year_month_day a{first}, b{last};
    // Whole months when the interval spans several (a year: Jan-Apr, May-Aug, Sep-Dec);
    // days otherwise (a month: 1-10, 11-20, 21-end).
    int month_count = (int(b.year()) - int(a.year())) * 12 + (int(unsigned(b.month())) - int(unsigned(a.month()))) + 1;
    if (month_count >= 3 && a.day() == date::day{1}) {
        int third = month_count / 3;
        year_month first_month = a.year() / a.month();
        if (part == "START") p.last = sys_days{(first_month + months{third - 1}) / date::last};
        else if (part == "MID") {
            p.first = sys_days{(first_month + months{third}) / 1};
            p.last = sys_days{(first_month + months{2 * third - 1}) / date::last};
        } else if (part == "END") p.first = sys_days{(first_month + months{2 * third}) / 1};
        return p;
    }
    if (month_count == 1 && a.day() == date::day{1}) {  // a month: days 1-10, 11-20, 21-end
        if (part == "START") p.last = first + days{9};
        else if (part == "MID") p.first = first + days{10}, p.last = first + days{19};
        else if (part == "END") p.first = first + days{20};
        return p;
    }
    int length = (last - first).count() + 1;
    int third = length / 3;
    if (third == 0) return p;
    if (part == "START") p.last = first + days{third - 1};
    else if (part == "MID") p.first = first + days{third}, p.last = first + days{2 * third - 1};
    else if (part == "END") p.first = first + days{2 * third};
    return p;
}

CalendarPoint CalendarPoint::shifted(int n) const {
    year_month_day a{first};
    switch (granularity) {
        case Granularity::day: return on_day(year_month_day{first + days{n}});
        case Granularity::weekend: return weekend_of(first + days{7 * n});
        case Granularity::week: return week_of(first + days{7 * n});
        case Granularity::month: {
            year_month ym = a.year() / a.month() + months{n};
            return in_month(ym.year(), ym.month());
        }
        case Granularity::season: return season(a.year() + years{n}, value.substr(value.size() - 2));
        case Granularity::quarter: {
            year_month ym = a.year() / a.month() + months{3 * n};
            return quarter(ym.year(), static_cast<int>((unsigned(ym.month()) - 1) / 3 + 1));
        }
        case Granularity::half: {
            year_month ym = a.year() / a.month() + months{6 * n};
            return half(ym.year(), static_cast<int>((unsigned(ym.month()) - 1) / 6 + 1));
        }
        case Granularity::year: return in_year(a.year() + years{n});
        case Granularity::decade: return decade(std::stoi(value) + n);
        case Granularity::century: return century(std::stoi(value) + n);
    }
    return *this;
}

int CalendarPoint::first_year() const { return int(year_month_day{first}.year()); }

}  // namespace linimasa
