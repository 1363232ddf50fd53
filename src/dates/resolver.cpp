#include "dates/resolver.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

namespace linimasa {

using namespace date;

const char* to_string(DateBasis basis) {
    switch (basis) {
        case DateBasis::explicit_date: return "explicit";
        case DateBasis::relative: return "relative";
        case DateBasis::context: return "context";
        case DateBasis::unanchored: return "unanchored";
    }
    return "unanchored";
}

namespace {

std::string two(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string number_text(double q) {
    char buf[32];
    if (std::floor(q) == q) std::snprintf(buf, sizeof buf, "%.0f", q);
    else std::snprintf(buf, sizeof buf, "%g", q);
    return buf;
}

// The TIMEX3 duration of a quantity of a unit: P2D, PT48H, P10Y, PXY.
std::string duration_value(const Reading& r) {
    UnitWord u = *r.unit;
    double q = r.quantity ? *r.quantity * u.times : 0;
    // less than one of a unit: in the next smaller unit when that is whole
    // (setengah tahun P6M, setengah jam PT30M; 1,5 jam stays PT1.5H)
    if (r.quantity && !r.vague_quantity && q > 0 && q < 1) {
        struct Step { TimeUnit from, to; double factor; };
        static constexpr Step steps[] = {{TimeUnit::year, TimeUnit::month, 12}, {TimeUnit::day, TimeUnit::hour, 24},
                                         {TimeUnit::hour, TimeUnit::minute, 60}, {TimeUnit::minute, TimeUnit::second, 60},
                                         {TimeUnit::week, TimeUnit::day, 7}};
        for (const Step& s : steps)
            if (u.unit == s.from && std::floor(q * s.factor) == q * s.factor) {
                q *= s.factor;
                u = UnitWord{s.to, 1};
                break;
            }
    }
    std::string amount = r.quantity && !r.vague_quantity ? number_text(q) : "X";
    switch (u.unit) {
        case TimeUnit::second: return "PT" + amount + "S";
        case TimeUnit::minute: return "PT" + amount + "M";
        case TimeUnit::hour: return "PT" + amount + "H";
        case TimeUnit::day: return "P" + amount + "D";
        case TimeUnit::week: return "P" + amount + "W";
        case TimeUnit::month: return "P" + amount + "M";
        case TimeUnit::year: return "P" + amount + "Y";
    }
    return "P" + amount + "D";
}

year_month_day clamp(year_month ym, day d) {
    year_month_day ymd{ym / d};
    return ymd.ok() ? ymd : year_month_day{ym / last};
}

// The day `n` units away from `from` (months and years keep the day of month, clamped).
sys_days shift_day(sys_days from, const UnitWord& u, int n) {
    year_month_day a{from};
    switch (u.unit) {
        case TimeUnit::second:
        case TimeUnit::minute:
        case TimeUnit::hour: return from;
        case TimeUnit::day: return from + days{n * u.times};
        case TimeUnit::week: return from + days{7 * n * u.times};
        case TimeUnit::month: return sys_days{clamp(a.year() / a.month() + months{n * u.times}, a.day())};
        case TimeUnit::year: return sys_days{clamp(a.year() / a.month() + years{n * u.times}, a.day())};
    }
    return from;
}

// The calendar point of the period that a unit names around a day (this week, this month).
std::optional<CalendarPoint> period_of(sys_days d, const UnitWord& u) {
    year_month_day a{d};
    if (u.unit == TimeUnit::year && u.times == 10) return CalendarPoint::decade(int(a.year()) / 10);
    if (u.unit == TimeUnit::year && u.times == 100) return CalendarPoint::century(int(a.year()) / 100);
    if (u.times != 1) return std::nullopt;
    switch (u.unit) {
        case TimeUnit::day: return CalendarPoint::on_day(a);
        case TimeUnit::week: return CalendarPoint::week_of(d);
        case TimeUnit::month: return CalendarPoint::in_month(a.year(), a.month());
        case TimeUnit::year: return CalendarPoint::in_year(a.year());
        default: return std::nullopt;
    }
}

// Used once per reading (see resolve() below): every path ends by handing m_ over with a
// move rather than a copy.
class Resolver {
public:
    Resolver(const Reading& r, const ResolveContext& ctx) : r_(r), ctx_(ctx) {}

    TimeMention run() {
        m_.mod = r_.mod;
        if (!r_.vague.empty()) return vague();
        if (r_.set) return set();
        if (r_.unit && (r_.quantity || r_.vague_quantity) && !r_.period_unit) return quantity();

        auto first = point(r_.date);
        // H-7 Lebaran: days counted from the named day
        if (first && r_.day_offset && first->granularity == Granularity::day)
            first = CalendarPoint::on_day(year_month_day{first->first + days{r_.day_offset}});
        // pekan kedua Juli: the ISO week holding day 1 + 7 x (n - 1) of the month
        if (first && r_.week_index && first->granularity == Granularity::month)
            first = CalendarPoint::week_of(first->first + days{7 * (r_.week_index - 1)});
        if (r_.range_end) {
            auto second = point(*r_.range_end);
            if (first && second) {
                m_.type = "DATE";
                m_.is_range = true;
                m_.value = first->value + "/" + second->value;
                CalendarPoint span = *first;
                span.last = second->last;
                m_.point = span;
                return std::move(m_);
            }
            if (!first) first = second;
        }
        if (!first) {
            if (basis_ == DateBasis::unanchored) return unanchored();
            m_.type.clear();  // names no time after all (an impossible date such as 31/2/2023)
            return std::move(m_);
        }
        if (!r_.period_part.empty()) {
            bool weekend = first->granularity == Granularity::week && r_.period_part == "END" && r_.unit &&
                           r_.unit->unit == TimeUnit::week;
            if (weekend) {
                first = CalendarPoint::weekend_of(first->first);
            } else {
                first = first->with_part(r_.period_part);
                m_.mod = r_.period_part;
            }
        }
        m_.type = "DATE";
        m_.value = first->value;
        m_.point = first;
        m_.basis = basis_;
        if (first->granularity == Granularity::day && (r_.hour || !r_.day_part.empty())) {
            m_.type = "TIME";
            m_.value += 'T';
            if (r_.hour) m_.value.append(two(*r_.hour)).append(":").append(two(r_.minute.value_or(0))).append(r_.zone);
            else m_.value += r_.day_part;
            if (r_.hour && r_.end_hour) {  // pukul 08.00-10.00 WIB: one TIME from A to B on that day
                std::string end = first->value;
                end.append("T").append(two(*r_.end_hour)).append(":").append(two(r_.end_minute.value_or(0)));
                m_.value.append("/").append(end).append(r_.zone);
                m_.is_range = true;
            }
        }
        return std::move(m_);
    }

private:
    TimeMention vague() {
        m_.type = "DATE";
        m_.value = r_.vague;
        m_.basis = DateBasis::relative;
        if (r_.vague == "PRESENT_REF" && ctx_.anchor) m_.point = CalendarPoint::on_day(year_month_day{*ctx_.anchor});
        return std::move(m_);
    }

    TimeMention set() {
        m_.type = "SET";
        if (r_.date.weekday) {
            m_.value = "XXXX-WXX-" + std::to_string(*r_.date.weekday);
            if (!r_.day_part.empty()) m_.value += "T" + r_.day_part;
        } else if (r_.date.month) {
            m_.value = "XXXX-" + two(*r_.date.month);
            if (r_.date.day) m_.value.append("-").append(two(*r_.date.day));
        } else if (r_.unit && r_.unit->unit == TimeUnit::week && r_.period_part == "END" && !r_.quantity) {
            m_.value = "XXXX-WXX-WE";  // setiap akhir pekan: every weekend
            m_.mod.clear();
        } else if (r_.unit) {
            Reading one = r_;
            if (!one.quantity || one.vague_quantity) one.quantity = 1, one.vague_quantity = false;
            m_.value = duration_value(one);
        } else if (!r_.day_part.empty()) {
            m_.value = "TXX" + r_.day_part;
            m_.value = "XXXX-XX-XXT" + r_.day_part;
        } else {
            m_.value = "P1D";
        }
        return std::move(m_);
    }

    TimeMention quantity() {
        Direction d = r_.direction;
        if (d == Direction::none || d == Direction::span_back || d == Direction::span_forward ||
            d == Direction::this_one || r_.vague_quantity) {
            if (r_.vague_quantity && (d == Direction::past)) {  // beberapa tahun lalu
                m_.type = "DATE";
                m_.value = "PAST_REF";
                m_.basis = DateBasis::relative;
                return std::move(m_);
            }
            m_.type = "DURATION";
            m_.value = duration_value(r_);
            return std::move(m_);
        }
        int n = static_cast<int>(std::lround(*r_.quantity));
        const UnitWord& u = *r_.unit;
        m_.type = "DATE";
        if (d == Direction::before_focus || d == Direction::after_focus) {
            int sign = d == Direction::before_focus ? -1 : 1;
            // days and weeks count from the last day named (a year before them says nothing of the day)
            bool fine_unit = u.unit != TimeUnit::month && u.unit != TimeUnit::year;
            std::optional<CalendarPoint> focus = fine_unit ? ctx_.focus_day : ctx_.focus;
            if (!focus && ctx_.anchor) focus = CalendarPoint::on_day(year_month_day{*ctx_.anchor});
            if (!focus) return unanchored();
            m_.basis = DateBasis::context;
            CalendarPoint p = shift_focus(*focus, u, sign * n);
            m_.value = p.value;
            m_.point = p;
            return std::move(m_);
        }
        if (!ctx_.anchor) return unanchored();
        int sign = d == Direction::past ? -1 : 1;
        CalendarPoint p = CalendarPoint::on_day(year_month_day{shift_day(*ctx_.anchor, u, sign * n)});
        m_.basis = DateBasis::relative;
        m_.value = p.value;
        m_.point = p;
        return std::move(m_);
    }

    // Moves the focus by n units, keeping the focus's own precision where the unit allows.
    static CalendarPoint shift_focus(const CalendarPoint& focus, const UnitWord& u, int n) {
        int months_per_unit = u.unit == TimeUnit::year ? 12 : u.unit == TimeUnit::month ? 1 : 0;
        switch (focus.granularity) {
            case Granularity::year:
                if (u.unit == TimeUnit::year) return focus.shifted(n * u.times);
                break;
            case Granularity::month:
                if (months_per_unit) return focus.shifted(n * u.times * months_per_unit);
                break;
            case Granularity::week:
                if (u.unit == TimeUnit::week) return focus.shifted(n * u.times);
                break;
            default: break;
        }
        return CalendarPoint::on_day(year_month_day{shift_day(focus.first, u, n)});
    }

    TimeMention unanchored() {
        m_.type = m_.type.empty() ? "DATE" : m_.type;
        m_.basis = DateBasis::unanchored;
        m_.point.reset();
        const CalendarFields& f = r_.date;
        std::string day = f.day ? two(*f.day) : "XX";
        std::string month = f.month ? two(*f.month) : "XX";
        if (f.named_day && !f.named_day->movable()) day = two(f.named_day->day), month = two(f.named_day->month);
        if (f.weekday && !f.day) m_.value = "XXXX-WXX-" + std::to_string(*f.weekday);
        else if (f.month || f.named_day || f.day) {
            m_.value = "XXXX-" + month;
            if (f.day || f.named_day) m_.value.append("-").append(day);
        }
        // a quarter, half or season keeps its own part of the year: kuartal ketiga XXXX-Q3,
        // kuartal lalu XXXX-QX, musim dingin XXXX-WI (even with "tahun ini": the year is what is missing)
        else if (period_code_ok()) {
            m_.value = "XXXX-";
            m_.value += r_.period_unit;
            m_.value.append(r_.period_index ? std::to_string(r_.period_index) : "X");
        } else if (!r_.season.empty()) m_.value.assign("XXXX-").append(r_.season);
        else if (r_.unit && !r_.quantity && r_.unit->unit == TimeUnit::year) m_.value = "XXXX";
        else if (r_.unit && !r_.quantity && r_.unit->unit == TimeUnit::month) m_.value = "XXXX-XX";
        else if (r_.unit && !r_.quantity && r_.unit->unit == TimeUnit::week)
            m_.value = r_.period_part == "END" ? "XXXX-WXX-WE" : "XXXX-WXX";
        else m_.value = "XXXX-XX-XX";
        if (r_.hour) {
            m_.type = "TIME";
            m_.value.append("T").append(two(*r_.hour)).append(":").append(two(r_.minute.value_or(0))).append(r_.zone);
        } else if (!r_.day_part.empty() && m_.value.size() == 10) {
            m_.type = "TIME";
            m_.value += "T" + r_.day_part;
        }
        if (!r_.period_part.empty() && m_.value.find("-WE") == std::string::npos) m_.mod = r_.period_part;
        return std::move(m_);
    }

    // A quarter or half whose number, if written, exists (kuartal 1-4, semester 1-2).
    bool period_code_ok() const {
        if (r_.period_unit == 'Q') return r_.period_index <= 4;
        if (r_.period_unit == 'H') return r_.period_index <= 2;
        return false;
    }

    // Which of two candidates the text means; see the policy in resolver.h.
    template <class Candidate>
    Candidate choose(const Candidate& past, const Candidate& future, double past_distance,
                     double future_distance) const {
        if (ctx_.cue == TenseCue::future) return past_distance == 0 ? past : future;
        if (ctx_.cue == TenseCue::past) return past;
        return 3 * future_distance < past_distance ? future : past;
    }

    std::optional<CalendarPoint> relative_year() {
        // tahun ini / lalu / depan as the base of a quarter, season or part
        if (!ctx_.anchor) return std::nullopt;
        year y = year_month_day{*ctx_.anchor}.year();
        int step = 0;
        switch (r_.direction) {
            case Direction::past: step = -1; break;
            case Direction::next:
            case Direction::upcoming: step = 1; break;
            default: break;
        }
        return CalendarPoint::in_year(y + years{step});
    }

    std::optional<CalendarPoint> point(const CalendarFields& f) {
        if (r_.decade && &f == &r_.date) return CalendarPoint::decade(*r_.decade);
        if (r_.century && &f == &r_.date) return CalendarPoint::century(*r_.century);

        // explicit day, month and year
        if (f.year && f.month && f.day) {
            year_month_day ymd{year{*f.year} / month{static_cast<unsigned>(*f.month)} / day{static_cast<unsigned>(*f.day)}};
            if (!ymd.ok()) return std::nullopt;
            return CalendarPoint::on_day(ymd);
        }
        if (f.year && f.named_day && f.named_day->movable()) return movable_in(year{*f.year}, *f.named_day, true);
        if (f.year && f.named_day) {
            year_month_day ymd{year{*f.year} / month{static_cast<unsigned>(f.named_day->month)} /
                               day{static_cast<unsigned>(f.named_day->day)}};
            return ymd.ok() ? std::optional{CalendarPoint::on_day(ymd)} : std::nullopt;
        }
        if (f.year && f.month) return CalendarPoint::in_month(year{*f.year}, month{static_cast<unsigned>(*f.month)});

        if (r_.period_unit && r_.period_index && &f == &r_.date) {
            std::optional<CalendarPoint> base = f.year ? CalendarPoint::in_year(year{*f.year}) : relative_year();
            if (!base) return mark_unanchored();
            if (!f.year) basis_ = DateBasis::relative;
            year y{base->first_year()};
            if (r_.period_unit == 'Q' && r_.period_index <= 4) return CalendarPoint::quarter(y, r_.period_index);
            if (r_.period_unit == 'H' && r_.period_index <= 2) return CalendarPoint::half(y, r_.period_index);
            return std::nullopt;
        }
        if (!r_.season.empty() && &f == &r_.date) {
            std::optional<CalendarPoint> base = f.year ? CalendarPoint::in_year(year{*f.year}) : relative_year();
            if (!base) return mark_unanchored();
            if (!f.year) basis_ = DateBasis::relative;
            return CalendarPoint::season(year{base->first_year()}, r_.season);
        }
        if (f.year && !f.month && !f.day) {
            return CalendarPoint::in_year(year{*f.year});
        }

        // everything below needs the anchor
        if (!ctx_.anchor) return mark_unanchored();
        const sys_days anchor = *ctx_.anchor;
        const year_month_day a{anchor};
        basis_ = DateBasis::relative;

        // Mei tahun lalu, Natal tahun ini: the year is counted from the anchor
        if ((f.month || f.named_day) && r_.unit && !r_.quantity && r_.unit->unit == TimeUnit::year && r_.unit->times == 1) {
            year y{relative_year()->first_year()};
            if (f.named_day && f.named_day->movable()) return movable_in(y, *f.named_day, true);
            if (f.named_day || f.day) {
                int m = f.named_day ? f.named_day->month : *f.month;
                int d = f.named_day ? f.named_day->day : *f.day;
                year_month_day ymd{y / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}};
                return ymd.ok() ? std::optional{CalendarPoint::on_day(ymd)} : std::nullopt;
            }
            return CalendarPoint::in_month(y, month{static_cast<unsigned>(*f.month)});
        }
        if (f.named_day && f.named_day->movable()) return movable_near(anchor, *f.named_day);
        if (f.named_day || (f.day && f.month)) {
            int m = f.named_day ? f.named_day->month : *f.month;
            int d = f.named_day ? f.named_day->day : *f.day;
            return day_month(anchor, m, d, f.weekday);
        }
        if (f.month) return month_only(a, *f.month);
        if (f.day && !f.named_day) return day_only(a, *f.day);
        if (f.weekday) return weekday_only(anchor, *f.weekday);
        // kuartal lalu, semester depan; kuartal sebelumnya / berikutnya count from the focus
        if (r_.period_unit && !r_.period_index && &f == &r_.date) {
            const bool from_focus =
                r_.direction == Direction::before_focus || r_.direction == Direction::after_focus;
            const year_month_day base = from_focus && ctx_.focus ? year_month_day{ctx_.focus->first} : a;
            if (from_focus) basis_ = DateBasis::context;
            int months_per = r_.period_unit == 'Q' ? 3 : 6;
            int index = static_cast<int>((unsigned(base.month()) - 1) / months_per) + 1;
            CalendarPoint current = r_.period_unit == 'Q' ? CalendarPoint::quarter(base.year(), index)
                                                          : CalendarPoint::half(base.year(), index);
            switch (r_.direction) {
                case Direction::before_focus: return current.shifted(-1);
                case Direction::after_focus: return current.shifted(1);
                case Direction::past: return current.shifted(-1);
                case Direction::next:
                case Direction::upcoming: return current.shifted(1);
                case Direction::this_one: return current;
                default: return std::nullopt;
            }
        }
        if (r_.relative_day && &f == &r_.date) return CalendarPoint::on_day(year_month_day{anchor + days{*r_.relative_day}});

        // a unit without a number: bulan lalu, tahun depan, pekan ini, awal tahun
        if (r_.unit && !r_.quantity && &f == &r_.date) {
            if (r_.direction == Direction::before_focus || r_.direction == Direction::after_focus) {
                std::optional<CalendarPoint> focus = ctx_.focus ? ctx_.focus : CalendarPoint::on_day(a);
                auto base = period_of(focus->first, *r_.unit);
                if (!base) return std::nullopt;
                basis_ = DateBasis::context;
                return base->shifted(r_.direction == Direction::before_focus ? -1 : 1);
            }
            auto base = period_of(anchor, *r_.unit);
            if (!base) return std::nullopt;
            switch (r_.direction) {
                case Direction::past: return base->shifted(-1);
                case Direction::next:
                case Direction::upcoming: return base->shifted(1);
                case Direction::this_one: return base;
                case Direction::none: return r_.period_part.empty() ? std::nullopt : base;
                default: return std::nullopt;
            }
        }
        // a clock time or a part of day alone: today
        if ((r_.hour || !r_.day_part.empty()) && &f == &r_.date) {
            // the day the text last wrote out (`Selasa (20/1) dini hari ... pukul 05.00 WIB`), not one
            // it counted (`kemarin`, `sehari sebelumnya`), which news mentions in passing
            if (r_.direction == Direction::none && ctx_.written_day) {
                basis_ = DateBasis::context;
                return CalendarPoint::on_day(year_month_day{*ctx_.written_day});
            }
            return CalendarPoint::on_day(a);
        }
        basis_ = DateBasis::explicit_date;
        return std::nullopt;
    }

    // A movable feast in a given year: its day from the table; a year the table does not
    // list gives that year only (`whole_year`), never a guessed day.
    static std::optional<CalendarPoint> movable_in(year y, const MonthDay& feast, bool whole_year) {
        auto it = feast.by_year->find(int(y));
        if (it == feast.by_year->end())
            return whole_year ? std::optional{CalendarPoint::in_year(y)} : std::nullopt;
        year_month_day ymd{y / month{static_cast<unsigned>(it->second.first)} / day{static_cast<unsigned>(it->second.second)}};
        return ymd.ok() ? std::optional{CalendarPoint::on_day(ymd)} : std::nullopt;
    }

    // A movable feast without a year (Lebaran, Idul Adha lalu, Imlek mendatang): the latest one
    // on or before the anchor or the next one, chosen like a year-less day-month date.
    std::optional<CalendarPoint> movable_near(sys_days anchor, const MonthDay& feast) {
        std::optional<sys_days> past, before_past, future;
        for (const auto& [y, md] : *feast.by_year) {
            year_month_day ymd{year{y} / month{static_cast<unsigned>(md.first)} / day{static_cast<unsigned>(md.second)}};
            if (!ymd.ok()) continue;
            sys_days d{ymd};
            if (d <= anchor) before_past = past, past = d;
            else if (!future) future = d;
        }
        const year_month_day a{anchor};
        std::optional<sys_days> chosen;
        switch (r_.direction) {
            case Direction::past: chosen = past && *past == anchor ? before_past : past; break;
            case Direction::this_one: return movable_in(a.year(), feast, false);
            case Direction::next:
            case Direction::upcoming: chosen = future; break;
            default:
                if (past && future)
                    chosen = choose(*past, *future, (anchor - *past).count(), (*future - anchor).count());
                else chosen = past ? past : future;
        }
        // beyond the table's years the nearest listed one is no longer this year's feast
        if (!chosen || std::abs((*chosen - anchor).count()) > 366) return mark_unanchored();
        return CalendarPoint::on_day(year_month_day{*chosen});
    }

    std::optional<CalendarPoint> mark_unanchored() {
        basis_ = DateBasis::unanchored;
        return std::nullopt;
    }

    // tanggal 17 bulan ini / lalu / depan; alone, tanggal 17 of this month or a neighbour as
    // the tense says (like a bare weekday: the latest on or before the anchor, or the next)
    std::optional<CalendarPoint> day_only(const year_month_day& a, int d) {
        year_month here = a.year() / a.month();
        auto on = [&](year_month ym) -> std::optional<CalendarPoint> {
            year_month_day ymd{ym / day{static_cast<unsigned>(d)}};
            return ymd.ok() ? std::optional{CalendarPoint::on_day(ymd)} : std::nullopt;
        };
        if (r_.unit && r_.unit->unit == TimeUnit::month && !r_.quantity) {
            switch (r_.direction) {
                case Direction::past: return on(here - months{1});
                case Direction::next:
                case Direction::upcoming: return on(here + months{1});
                default: return on(here);
            }
        }
        year_month past = d <= static_cast<int>(unsigned(a.day())) ? here : here - months{1};
        year_month future = d > static_cast<int>(unsigned(a.day())) ? here : here + months{1};
        auto p = on(past), f = on(future);
        if (!p || !f) return p ? p : f;
        if (r_.direction == Direction::past) return p;  // tanggal 5 lalu
        if (r_.direction == Direction::next || r_.direction == Direction::upcoming) return f;
        year_month chosen = choose(past, future, (sys_days{year_month_day{a}} - p->first).count(),
                                   (f->first - sys_days{year_month_day{a}}).count());
        return on(chosen);
    }

    std::optional<CalendarPoint> day_month(sys_days anchor, int m, int d, std::optional<int> weekday_written = {}) {
        const year_month_day a{anchor};
        auto on = [&](year y) -> std::optional<sys_days> {
            year_month_day ymd{y / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}};
            if (!ymd.ok()) return std::nullopt;
            return sys_days{ymd};
        };
        // the latest such day on or before the anchor, and the earliest after it
        std::optional<sys_days> past, future;
        for (int k = 0; k <= 8 && !past; ++k)
            if (auto c = on(a.year() - years{k}); c && *c <= anchor) past = c;
        for (int k = 0; k <= 8 && !future; ++k)
            if (auto c = on(a.year() + years{k}); c && *c > anchor) future = c;
        if (!past || !future) return std::nullopt;
        // Jumat (5/1): a weekday that agrees with only one of the two candidates decides,
        // unless a direction word points the other way
        if (weekday_written) {
            auto agrees = [&](sys_days c) { return static_cast<int>(weekday{c}.iso_encoding()) == *weekday_written; };
            bool p = agrees(*past), f = agrees(*future);
            bool forward = r_.direction == Direction::next || r_.direction == Direction::upcoming;
            if (p != f && !(p && forward) && !(f && r_.direction == Direction::past))
                return CalendarPoint::on_day(year_month_day{p ? *past : *future});
        }
        sys_days chosen;
        switch (r_.direction) {
            case Direction::past: chosen = *past == anchor ? *on(a.year() - years{1}) : *past; break;
            case Direction::this_one: chosen = on(a.year()).value_or(*past); break;
            case Direction::next:
            case Direction::upcoming: chosen = *future; break;
            default:
                chosen = choose(*past, *future, (anchor - *past).count(), (*future - anchor).count());
        }
        return CalendarPoint::on_day(year_month_day{chosen});
    }

    std::optional<CalendarPoint> month_only(const year_month_day& a, int m) {
        int am = static_cast<int>(unsigned(a.month()));
        year y = a.year();
        year past_year = m <= am ? y : y - years{1};
        year future_year = m > am ? y : y + years{1};
        year chosen;
        switch (r_.direction) {
            case Direction::past: chosen = m < am ? y : y - years{1}; break;
            case Direction::this_one: chosen = y; break;
            case Direction::next:
            case Direction::upcoming: chosen = future_year; break;
            default: {
                int past_distance = (am - m + 12) % 12;
                int future_distance = (m - am + 12) % 12;
                if (future_distance == 0) future_distance = 12;
                // under a future verb the month just ended is still that month, not eleven months
                // ahead (`akan menanti data neraca perdagangan Oktober` in November)
                if (ctx_.cue == TenseCue::future && past_distance == 1) chosen = past_year;
                else chosen = choose(past_year, future_year, past_distance, future_distance);
            }
        }
        return CalendarPoint::in_month(chosen, month{static_cast<unsigned>(m)});
    }

    std::optional<CalendarPoint> weekday_only(sys_days anchor, int w) {
        int aw = static_cast<int>(weekday{anchor}.iso_encoding());
        int back = (aw - w + 7) % 7;     // days back to the latest such day, today included
        int ahead = (w - aw + 7) % 7;    // days ahead to the next one, today excluded
        if (ahead == 0) ahead = 7;
        sys_days chosen;
        sys_days monday = anchor - days{aw - 1};
        if (r_.unit && r_.unit->unit == TimeUnit::week && !r_.quantity) {  // Rabu pekan lalu
            int week = r_.direction == Direction::past ? -1
                       : (r_.direction == Direction::next || r_.direction == Direction::upcoming) ? 1 : 0;
            return CalendarPoint::on_day(year_month_day{monday + days{7 * week + w - 1}});
        }
        switch (r_.direction) {
            case Direction::past: chosen = anchor - days{back == 0 ? 7 : back}; break;
            case Direction::this_one: chosen = anchor - days{aw - 1} + days{w - 1}; break;
            case Direction::next: chosen = anchor - days{aw - 1} + days{7 + w - 1}; break;
            case Direction::upcoming: chosen = anchor + days{ahead}; break;
            default: chosen = choose(anchor - days{back}, anchor + days{ahead}, back, ahead);
        }
        return CalendarPoint::on_day(year_month_day{chosen});
    }

    const Reading& r_;
    const ResolveContext& ctx_;
    TimeMention m_;
    DateBasis basis_ = DateBasis::explicit_date;
};

}  // namespace

TimeMention resolve(const Reading& reading, const ResolveContext& context) {
    return Resolver(reading, context).run();
}

}  // namespace linimasa
