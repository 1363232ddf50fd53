#include "events/event_finder.h"


#include <algorithm>
#include <map>
#include <set>

#include "events/event_date.h"
#include "text/word_boundary.h"

namespace linimasa {

const std::vector<std::string>& attachment_lists() {
    static const std::vector<std::string> lists = {"context", "reporting", "clause_breaks", "locative"};
    return lists;
}

const std::vector<std::string>& optional_attachment_lists() {
    static const std::vector<std::string> lists = {"not_actors",     "during",         "complementizers",
                                                   "back_references", "both_leaders",  "both_countries",
                                                   "both_parties",    "relative_markers", "date_links"};
    return lists;
}

const std::vector<std::string>& status_lists() {
    static const std::vector<std::string> lists = {"planned", "denied", "negated"};
    return lists;
}

const std::vector<std::string>& optional_status_lists() {
    static const std::vector<std::string> lists = {"planned_after", "negated_after", "neutral"};
    return lists;
}

EventFinder::EventFinder(const RuleSet& rules, const Gazetteer& gazetteer, const CueLists& status_cues,
                         const CueLists& attachment_cues)
    : rules_(rules), gazetteer_(gazetteer), status_cues_(status_cues), attachment_cues_(attachment_cues) {
    kinds_.planned = status_cues.kind("planned");
    kinds_.denied = status_cues.kind("denied");
    kinds_.negated = status_cues.kind("negated");
    kinds_.planned_after = status_cues.kind("planned_after");
    kinds_.negated_after = status_cues.kind("negated_after");
    kinds_.context = attachment_cues.kind("context");
    kinds_.reporting = attachment_cues.kind("reporting");
    kinds_.clause_break = attachment_cues.kind("clause_breaks");
    kinds_.locative = attachment_cues.kind("locative");
    kinds_.non_actor = attachment_cues.kind("not_actors");
    kinds_.during = attachment_cues.kind("during");
    kinds_.complementizer = attachment_cues.kind("complementizers");
    kinds_.back_reference = attachment_cues.kind("back_references");
    kinds_.both_leaders = attachment_cues.kind("both_leaders");
    kinds_.both_countries = attachment_cues.kind("both_countries");
    kinds_.both_parties = attachment_cues.kind("both_parties");
    kinds_.relative_marker = attachment_cues.kind("relative_markers");
    kinds_.date_link = attachment_cues.kind("date_links");
}

namespace {

// How far a negation or plan cue may stand from its trigger (about six words either side).
constexpr std::size_t kCueReachBefore = 48;
constexpr std::size_t kCueReachAfter = 48;
// How far a locative word may stand before its place (`di ibu kota Pyongyang`).
constexpr std::size_t kLocativeReach = 20;
// Distance added for each clause break between a trigger and a date.
constexpr std::size_t kClauseBreakCost = 400;
constexpr std::size_t kCommaCost = 30;
// How far from its trigger a date, actor, place or cue may be. Ordinary sentences are shorter;
// the bound keeps the work per trigger constant in a run-on "sentence" of megabytes.
constexpr std::size_t kReach = 400;
// How far after its trigger `itu`/`tersebut` may point back ("Kunjungan ke China itu").
constexpr std::size_t kBackReferenceReach = 24;

struct Span {
    std::size_t begin = 0, end = 0;
};

// Items (sorted by begin) whose begin lies in [from, to).
template <typename T>
std::pair<std::size_t, std::size_t> slice(const std::vector<T>& items, std::size_t from, std::size_t to) {
    auto lo = std::lower_bound(items.begin(), items.end(), from, [](const T& x, std::size_t v) { return x.begin < v; });
    auto hi = std::lower_bound(lo, items.end(), to, [](const T& x, std::size_t v) { return x.begin < v; });
    return {static_cast<std::size_t>(lo - items.begin()), static_cast<std::size_t>(hi - items.begin())};
}

std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

struct DatedMention {
    std::size_t begin = 0, end = 0;
    EventDate date;
    std::optional<Span> report_verb;  // set when right after a reporting verb: "melaporkan pada Kamis (14/9)"
};

// Everything found once per document, sliced per sentence.
struct DocumentFacts {
    std::vector<DatedMention> dates;
    std::vector<GazetteerHit> actors;
    std::vector<GazetteerHit> places;
    std::vector<CueHit> status;
    std::vector<CueHit> attachment;
    std::vector<GazetteerHit> located;  // places introduced by a locative word, in text order
};

// True when only spaces, commas and at most one linking word stand between two offsets
// ("melaporkan pada Kamis"); `link` is the last such word before `to`, if any.
bool adjacent(std::string_view text, std::size_t from, std::size_t to, std::optional<Span> link) {
    if (from > to || to - from > 16) return false;
    auto blank = [&](std::size_t a, std::size_t b) {
        return text.substr(a, b - a).find_first_not_of(" ,\n") == std::string_view::npos;
    };
    if (blank(from, to)) return true;
    return link && link->begin >= from && link->end <= to && blank(from, link->begin) && blank(link->end, to);
}

// Dates written right after a reporting verb date the report, not what it reports.
void mark_report_dates(std::string_view text, DocumentFacts& facts, int reporting, int date_link) {
    std::size_t cue = 0;
    std::optional<Span> last_reporting, last_link;
    for (auto& m : facts.dates) {
        while (cue < facts.attachment.size() && facts.attachment[cue].end <= m.begin) {
            const CueHit& c = facts.attachment[cue];
            if (c.in(reporting)) last_reporting = Span{c.begin, c.end};
            if (c.in(date_link)) last_link = Span{c.begin, c.end};
            ++cue;
        }
        if (last_reporting && adjacent(text, last_reporting->end, m.begin, last_link)) m.report_verb = last_reporting;
    }
}

// Once an article has named a person in full, it calls them by one part of the name: `Kim`
// after `Kim Jong Un`, `Shoigu` after `Sergei Shoigu`. The first and last words of the
// canonical names of the people found (three letters or more, capitalised) become aliases for
// this document only — unless two people found share the word (`Kim` with Kim Jong Un and
// Kim Yo Jong), which then names nobody.
void add_short_names(std::string_view text, const Gazetteer& gazetteer, DocumentFacts& facts) {
    std::map<std::string, std::optional<int>> short_names;  // word -> actor entry, nullopt if ambiguous
    std::set<int> people;
    for (const auto& hit : facts.actors)
        if (!hit.is_role) {
            const Actor& a = gazetteer.actors()[static_cast<std::size_t>(hit.entry)];
            if (a.kind == "person") people.insert(hit.entry);
        }
    for (int entry : people) {
        const std::string& name = gazetteer.actors()[static_cast<std::size_t>(entry)].name;
        std::size_t first_end = name.find_first_of(" -");
        std::size_t last_begin = name.find_last_of(" -");
        if (first_end == std::string::npos) continue;
        for (std::string word : {name.substr(0, first_end), name.substr(last_begin + 1)}) {
            if (word.size() < 3 || !(word[0] >= 'A' && word[0] <= 'Z')) continue;
            auto [it, inserted] = short_names.emplace(word, entry);
            if (!inserted && it->second != entry) it->second = std::nullopt;
        }
    }
    std::vector<GazetteerHit> added;
    for (const auto& [word, entry] : short_names) {
        if (!entry) continue;
        for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
            if (!is_whole_word(text, at, at + word.size())) continue;
            added.push_back({at, at + word.size(), *entry, false});
        }
    }
    if (added.empty()) return;
    // A full alias already covers its own words (`Kim` inside `Kim Jong Un`).
    std::vector<GazetteerHit> merged;
    std::sort(added.begin(), added.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    std::size_t i = 0;
    for (const auto& hit : facts.actors) {
        for (; i < added.size() && added[i].begin < hit.begin; ++i)
            if (added[i].end <= hit.begin) merged.push_back(added[i]);
        while (i < added.size() && added[i].begin < hit.end) ++i;
        merged.push_back(hit);
    }
    for (; i < added.size(); ++i) merged.push_back(added[i]);
    facts.actors = std::move(merged);
}

// Words that hold an alias without naming the actor or the place ("dolar AS", "Laut China
// Selatan") hide it.
void drop_non_actors(DocumentFacts& facts, int non_actor) {
    std::vector<CueHit> masks;
    for (const auto& c : facts.attachment)
        if (c.in(non_actor)) masks.push_back(c);
    if (masks.empty()) return;
    auto drop_masked = [&](std::vector<GazetteerHit>& hits) {
        std::size_t m = 0;
        std::vector<GazetteerHit> kept;
        for (const auto& hit : hits) {
            while (m < masks.size() && masks[m].end <= hit.begin) ++m;
            if (m < masks.size() && masks[m].begin < hit.end) continue;
            kept.push_back(hit);
        }
        hits = std::move(kept);
    };
    drop_masked(facts.actors);
    drop_masked(facts.places);
}

// Places introduced by a locative word ("di Rusia", "ke Korea Utara") say where, so the same
// words are not also counted as an actor.
void mark_located(std::string_view text, DocumentFacts& facts, int locative) {
    std::size_t cue = 0;
    std::optional<CueHit> last_locative;
    for (const auto& p : facts.places) {
        while (cue < facts.attachment.size() && facts.attachment[cue].end <= p.begin) {
            if (facts.attachment[cue].in(locative)) last_locative = facts.attachment[cue];
            ++cue;
        }
        // "di Helsinki, Finlandia": the country of a located city is part of the place.
        if (!facts.located.empty() && facts.located.back().end <= p.begin &&
            text.substr(facts.located.back().end, p.begin - facts.located.back().end) == ", ") {
            facts.located.push_back(p);
            continue;
        }
        if (!last_locative || p.begin - last_locative->end > kLocativeReach) continue;
        std::string_view between = text.substr(last_locative->end, p.begin - last_locative->end);
        // `ke-12` is an ordinal, not "to": a locative word is followed by a space.
        const bool spaced = !between.empty() && (between.front() == ' ' || between.front() == '\n');
        if (spaced && between.find_first_of(",.;:()") == std::string_view::npos) facts.located.push_back(p);
    }
}

struct StatusChoice {
    EventStatus status = EventStatus::occurred;
    std::optional<CueHit> cue;
};

}  // namespace

namespace {

class DocumentPass {
public:
    DocumentPass(const RuleSet& rules, const Gazetteer& gazetteer, const DocumentView& doc, DocumentFacts facts,
                 const CueKinds& kinds)
        : rules_(rules),
          gazetteer_(gazetteer),
          doc_(doc),
          facts_(std::move(facts)),
          planned_(kinds.planned),
          denied_(kinds.denied),
          negated_(kinds.negated),
          planned_after_(kinds.planned_after),
          negated_after_(kinds.negated_after),
          context_(kinds.context),
          reporting_(kinds.reporting),
          clause_break_(kinds.clause_break),
          during_(kinds.during),
          complementizer_(kinds.complementizer),
          back_reference_(kinds.back_reference),
          both_leaders_(kinds.both_leaders),
          both_countries_(kinds.both_countries),
          both_parties_(kinds.both_parties),
          relative_marker_(kinds.relative_marker) {}

    std::vector<Event> run(const SentenceTriggers& triggers) {
        std::vector<Event> events;
        for (std::size_t i = 0; i < triggers.of_sentence.size(); ++i) {
            if (triggers.of_sentence[i].empty()) continue;
            sentence_events(i, triggers.of_sentence[i], events);
            sentence_of_.resize(events.size(), i);
        }
        date_by_the_occasion(events);
        drop_back_references(events);
        return events;
    }

private:
    // "Kim mengundang Putin ... selama pembicaraan mereka": an event that only had the
    // publication date, in a sentence that places it during another occasion, takes the date
    // of the nearest really dated event of the document that shares an actor.
    void date_by_the_occasion(std::vector<Event>& events) const {
        if (during_ < 0) return;
        for (std::size_t k = 0; k < events.size(); ++k) {
            Event& e = events[k];
            // A plan made during the talks happens later: only what happened takes their date.
            if (e.when.basis != EventDateBasis::publication || e.status != EventStatus::occurred) continue;
            const Sentence& s = (*doc_.sentences)[sentence_of_[k]];
            if (!has_cue_between(during_, s.begin, s.end)) continue;
            std::optional<std::size_t> best;
            std::size_t best_distance = 0;
            for (std::size_t j = 0; j < events.size(); ++j) {
                const Event& d = events[j];
                const bool dated = d.when.basis != EventDateBasis::publication && d.when.basis != EventDateBasis::unanchored;
                // The occasion is another kind of event that can host others (a summit, a visit):
                // "bersalaman saat bertemu" is the meeting itself, not an event during one.
                if (j == k || !dated || !occasion_[j] || d.type == e.type || !shares_actor(d, e)) continue;
                std::size_t distance = d.offset > e.offset ? d.offset - e.offset : e.offset - d.offset;
                if (!best || distance < best_distance) {
                    best = j;
                    best_distance = distance;
                }
            }
            if (!best) continue;
            e.when = events[*best].when;
            e.when.basis = EventDateBasis::context;
            e.why.append("; then dated by the occasion it happened during: '")
                .append(events[*best].trigger)
                .append("' (")
                .append(events[*best].when.text)
                .append(")");
        }
    }

    // "Percakapan telepon itu berlangsung ...", "Kunjungan ke China itu ...": a trigger that
    // points back with `itu`/`tersebut`, with no date of its own, retells an event the article
    // has already reported; it is not a row of its own.
    void drop_back_references(std::vector<Event>& events) {
        if (back_reference_ < 0) return;
        std::vector<bool> drop(events.size(), false);
        for (std::size_t k = 0; k < events.size(); ++k) {
            if (events[k].when.basis != EventDateBasis::publication) continue;
            const Span t = trigger_of_[k];
            const Sentence& s = (*doc_.sentences)[sentence_of_[k]];
            const std::size_t to = std::min(s.end, t.end + kBackReferenceReach);
            bool points_back = false;
            auto [lo, hi] = slice(facts_.attachment, t.end, to);
            for (std::size_t c = lo; c < hi && !points_back; ++c) {
                const CueHit& cue = facts_.attachment[c];
                if (!cue.in(back_reference_) || cue.end > to) continue;
                // "memperingatkan bahwa serangan tersebut": the word points at the content.
                points_back = doc_.text.substr(t.end, cue.begin - t.end).find_first_of(",.;:()") == std::string_view::npos &&
                              !has_cue_between(complementizer_, t.end, cue.begin);
            }
            if (!points_back) continue;
            // The same kind of report of it ("akan membalas serangan itu" is a new, planned attack).
            for (std::size_t j = 0; j < k && !drop[k]; ++j)
                drop[k] = !drop[j] && events[j].type == events[k].type && events[j].status == events[k].status;
        }
        std::vector<Event> kept;
        std::vector<std::size_t> sentences;
        std::vector<bool> occasions;
        std::vector<Span> triggers;
        for (std::size_t k = 0; k < events.size(); ++k) {
            if (drop[k]) continue;
            kept.push_back(std::move(events[k]));
            sentences.push_back(sentence_of_[k]);
            occasions.push_back(occasion_[k]);
            triggers.push_back(trigger_of_[k]);
        }
        events = std::move(kept);
        sentence_of_ = std::move(sentences);
        occasion_ = std::move(occasions);
        trigger_of_ = std::move(triggers);
    }

    static bool same_event(const Event& a, const Event& b) {
        if (a.type != b.type) return false;
        auto own_date = [](const Event& e) {
            return e.when.basis == EventDateBasis::explicit_date || e.when.basis == EventDateBasis::relative;
        };
        const bool other_dates = own_date(a) && own_date(b) && a.when.date != b.when.date;
        const bool other_actors = !a.actors.empty() && !b.actors.empty() && !shares_actor(a, b);
        return !other_dates && !other_actors;
    }

    static bool shares_actor(const Event& a, const Event& b) {
        for (const auto& x : a.actors)
            if (std::binary_search(b.actors.begin(), b.actors.end(), x)) return true;
        return false;
    }

    struct Candidate {
        Event event;
        Span trigger;
        std::optional<CueHit> status_cue;
        bool occasion = false;
    };

    void sentence_events(std::size_t index, const std::vector<TriggerMatch>& triggers, std::vector<Event>& out) {
        const Sentence& s = (*doc_.sentences)[index];
        std::vector<Candidate> candidates;
        for (const auto& t : triggers) {
            const EventRule& rule = rules_.rules()[static_cast<std::size_t>(t.rule)];
            auto candidate = build(index, s, t, rule, triggers);
            if (!candidate) continue;
            // Two triggers of one type in a sentence ("bertemu ... dalam pertemuan itu") are one
            // event, unless they have their own dates or no actor in common (two killings on
            // two days, a call with Putin and a call with Zelenskyy).
            // Of two triggers for one event, the one with the better date speaks for it
            // ("bersalaman sebelum perundingan di Vladivostok, 25 April 2019").
            auto same = std::find_if(candidates.begin(), candidates.end(),
                                     [&](const Candidate& c) { return same_event(c.event, candidate->event); });
            if (same == candidates.end()) candidates.push_back(std::move(*candidate));
            else if (candidate->event.when.basis < same->event.when.basis) *same = std::move(*candidate);
        }
        // A trigger that is itself another event's denial or negation cue (`membantah` in
        // `membantah adanya transaksi senjata`) is carried by that event's status.
        for (std::size_t a = 0; a < candidates.size(); ++a) {
            bool absorbed = false;
            for (std::size_t b = 0; b < candidates.size() && !absorbed; ++b) {
                if (a == b || !candidates[b].status_cue) continue;
                const EventStatus by = candidates[b].event.status;
                if (by != EventStatus::denied && by != EventStatus::negated) continue;
                const CueHit& cue = *candidates[b].status_cue;
                absorbed = cue.begin < candidates[a].trigger.end && candidates[a].trigger.begin < cue.end;
            }
            if (!absorbed) {
                occasion_.push_back(candidates[a].occasion);
                trigger_of_.push_back(candidates[a].trigger);
                out.push_back(std::move(candidates[a].event));
            }
        }
    }

    std::optional<Candidate> build(std::size_t index, const Sentence& s, const TriggerMatch& t, const EventRule& rule,
                                   const std::vector<TriggerMatch>& triggers) {
        Candidate c;
        c.trigger = {t.begin, t.end};
        c.occasion = rule.occasion;
        Event& e = c.event;
        e.type = rule.type;
        e.rule = rule.reference();
        e.trigger = std::string(doc_.text.substr(t.begin, t.end - t.begin));
        e.document = doc_.id;
        e.offset = doc_.decoded ? doc_.decoded->raw_offset(t.begin) : t.begin;
        e.evidence = collapse_whitespace(doc_.text.substr(s.begin, s.end - s.begin));

        StatusChoice status = choose_status(s, c.trigger, triggers);
        const bool said = status.status == EventStatus::denied || status.status == EventStatus::negated;
        std::string date_why = choose_date(index, s, c.trigger, said, triggers, e.when);
        std::optional<date::sys_days> on = e.when.first();
        if (!on) on = doc_.dates->publication;

        std::optional<GazetteerHit> place = choose_location(s, c.trigger);
        if (place) {
            e.location = gazetteer_.place(*place).name;
            e.location_country = gazetteer_.place(*place).country;
        }
        if (rule.needs_location && e.location.empty()) return std::nullopt;

        std::string actors_why = choose_actors(index, s, c.trigger, on, rule.needs_actors, e.actors);
        if (static_cast<int>(e.actors.size()) < rule.needs_actors) return std::nullopt;

        std::string status_why = "no cue";
        if (status.cue)
            status_why.assign("cue '").append(doc_.text.substr(status.cue->begin, status.cue->end - status.cue->begin)).append("'");
        if (status.status == EventStatus::occurred && doc_.dates->publication) {
            auto first = e.when.first();
            if (first && *first > *doc_.dates->publication && e.when.basis != EventDateBasis::publication) {
                status.status = EventStatus::planned;
                status_why = "the date is after the publication date";
            }
        }
        e.status = status.status;
        c.status_cue = status.cue;
        // appended, not fmt::format'ed: one explanation is written per event (29k in 8 MB)
        e.why.assign("rule ").append(e.rule).append(" fired on '").append(e.trigger).append("'; date: ");
        e.why.append(date_why).append("; actors: ").append(actors_why).append("; status ");
        e.why.append(to_string(e.status)).append(": ").append(status_why);
        return c;
    }

    // Clause breaks and commas between two offsets of the same sentence, as a distance.
    std::size_t break_cost(std::size_t from, std::size_t to) const {
        if (from >= to) return 0;
        std::size_t cost = 0;
        auto [lo, hi] = slice(facts_.attachment, from, to);
        for (std::size_t k = lo; k < hi; ++k)
            if (facts_.attachment[k].in(clause_break_) && facts_.attachment[k].end <= to) cost += kClauseBreakCost;
        auto [dlo, dhi] = slice(facts_.dates, from, to);
        for (std::size_t p = from; p < to; ++p) {
            char ch = doc_.text[p];
            if (ch == ';') cost += kClauseBreakCost;
            if (ch != ',') continue;
            // Commas inside a date (`Selasa, 15 Agustus 2023`) are not clause breaks.
            bool inside_date = false;
            for (std::size_t k = dlo; k < dhi && !inside_date; ++k)
                inside_date = facts_.dates[k].begin <= p && p < facts_.dates[k].end;
            if (!inside_date) cost += kCommaCost;
        }
        return cost;
    }

    bool has_cue_between(int kind, std::size_t from, std::size_t to) const {
        auto [lo, hi] = slice(facts_.attachment, from, to);
        for (std::size_t k = lo; k < hi; ++k)
            if (facts_.attachment[k].in(kind) && facts_.attachment[k].end <= to) return true;
        return false;
    }

    // True when another trigger on the far side of the date is nearer to it: in "Kim tiba pada
    // Selasa pagi ... untuk menghadiri pertemuan puncak", Tuesday is the arrival's, not the summit's.
    static bool nearer_trigger_across(const DatedMention& m, Span trigger, std::size_t gap,
                                      const std::vector<TriggerMatch>& others) {
        const bool date_after = m.begin >= trigger.end;
        // Only triggers that start within `gap` of the date can be nearer (others is in text order).
        const std::size_t from = date_after ? m.end : (m.begin > gap + kReach ? m.begin - gap - kReach : 0);
        auto it = std::lower_bound(others.begin(), others.end(), from,
                                   [](const TriggerMatch& o, std::size_t v) { return o.begin < v; });
        for (; it != others.end() && it->begin < m.end + gap; ++it) {
            const TriggerMatch& o = *it;
            if (o.begin == trigger.begin && o.end == trigger.end) continue;
            if (date_after && o.begin >= m.end && o.begin - m.end < gap) return true;
            if (!date_after && o.end <= m.begin && m.begin - o.end < gap) return true;
        }
        return false;
    }

    // True when a date sits in a relative clause set off by commas that the trigger is not in
    // ("disampaikan pemerintah Brasil, yang memegang keketuaan BRICS tahun ini, pada Senin"):
    // such a date describes the clause's noun, and the main clause's own date should win.
    bool in_relative_clause(const DatedMention& m, Span trigger) const {
        const std::size_t from = m.begin > kReach ? m.begin - kReach : 0;
        auto [lo, hi] = slice(facts_.attachment, from, m.begin);
        for (std::size_t k = hi; k > lo; --k) {
            const CueHit& cue = facts_.attachment[k - 1];
            if (!cue.in(relative_marker_) || cue.end > m.begin) continue;
            // The clause opens with a comma before the marker and is still open at the date.
            const std::string_view before = doc_.text.substr(from, cue.begin - from);
            const std::size_t last = before.find_last_not_of(' ');
            if (last == std::string_view::npos || before[last] != ',') return false;
            if (doc_.text.substr(cue.end, m.begin - cue.end).find(',') != std::string_view::npos) return false;
            return !(trigger.begin >= cue.begin && trigger.begin < m.begin);
        }
        return false;
    }

    // The part of a sentence within reach of a trigger.
    static Span reach(const Sentence& s, Span trigger) {
        return {std::max(s.begin, trigger.begin > kReach ? trigger.begin - kReach : 0),
                std::min(s.end, trigger.end + kReach)};
    }

    std::string choose_date(std::size_t index, const Sentence& s, Span trigger, bool said_is_the_event,
                            const std::vector<TriggerMatch>& others, EventDate& out) const {
        const Span near = reach(s, trigger);
        auto [lo, hi] = slice(facts_.dates, near.begin, near.end);
        std::optional<std::size_t> best;
        std::size_t best_cost = 0;
        for (std::size_t k = lo; k < hi; ++k) {
            const DatedMention& m = facts_.dates[k];
            // A report's date is not the reported event's, unless the event is the report itself
            // (`mengumumkan pada Senin`) or a denial or negation, which is dated by when it was said.
            const bool the_report_itself = m.report_verb && m.report_verb->begin < trigger.end && trigger.begin < m.report_verb->end;
            if (m.report_verb && !the_report_itself && !said_is_the_event) continue;
            const bool after = m.begin >= trigger.end;
            if (after && has_cue_between(reporting_, trigger.end, m.begin)) continue;  // the report's date
            std::size_t gap = after ? m.begin - trigger.end : (trigger.begin >= m.end ? trigger.begin - m.end : 0);
            std::size_t breaks = after ? break_cost(trigger.end, m.begin) : break_cost(m.end, trigger.begin);
            if (breaks >= kClauseBreakCost) continue;  // the date belongs to another clause
            if (nearer_trigger_across(m, trigger, gap, others)) continue;
            std::size_t cost = gap + breaks;
            if (!after) cost += cost / 8;  // Indonesian news mostly dates an event after its verb
            if (in_relative_clause(m, trigger)) cost += kClauseBreakCost / 2;
            if (!best || cost < best_cost) {
                best = k;
                best_cost = cost;
            }
        }
        if (best) {
            out = facts_.dates[*best].date;
            return std::string("'").append(out.text).append("' is the nearest date in the sentence (").append(to_string(out.basis)).append(")");
        }
        if (auto context = context_date(index, s, trigger)) {
            out = context->date;
            if (out.basis != EventDateBasis::unanchored) out.basis = EventDateBasis::context;
            return std::string("'").append(out.text).append(
                "' from the context (a caption's date line, a sentence that points back, or the previous sentence of "
                "the paragraph)");
        }
        if (doc_.dates->publication) {
            out = publication_event_date(*doc_.dates->publication);
            return "no date in the sentence or its context: the publication date";
        }
        out = EventDate{};
        out.basis = EventDateBasis::unanchored;
        return "no date in the sentence or its context, and no publication date: unanchored";
    }

    // The date a sentence without its own date refers to.
    std::optional<DatedMention> context_date(std::size_t index, const Sentence& s, Span trigger) const {
        if (auto caption = date_line_after(index, s)) return caption;
        std::size_t from = 0;
        const Span near = reach(s, trigger);
        if (!has_cue_between(context_, near.begin, near.end)) {
            if (index == 0) return std::nullopt;
            const Sentence& previous = (*doc_.sentences)[index - 1];
            if (previous.paragraph != s.paragraph) return std::nullopt;
            from = previous.begin;
        }
        auto [lo, hi] = slice(facts_.dates, from, s.begin);
        for (std::size_t k = hi; k > lo; --k)
            if (!facts_.dates[k - 1].report_verb) return facts_.dates[k - 1];
        return std::nullopt;
    }

    // Photo captions put their date after the description: "... di Vladivostok, Rusia. 25 April
    // 2019." A following sentence of the same paragraph that is nothing but a date dates this one.
    std::optional<DatedMention> date_line_after(std::size_t index, const Sentence& s) const {
        if (index + 1 >= doc_.sentences->size()) return std::nullopt;
        const Sentence& next = (*doc_.sentences)[index + 1];
        if (next.paragraph != s.paragraph) return std::nullopt;
        auto [lo, hi] = slice(facts_.dates, next.begin, next.end);
        if (hi != lo + 1) return std::nullopt;
        const DatedMention& m = facts_.dates[lo];
        std::string_view before = doc_.text.substr(next.begin, m.begin - next.begin);
        std::string_view after = doc_.text.substr(m.end, next.end - std::min(next.end, m.end));
        auto blank = [](std::string_view v) { return v.find_first_not_of(" .,") == std::string_view::npos; };
        if (!blank(before) || !blank(after)) return std::nullopt;
        return m;
    }

    std::optional<GazetteerHit> choose_location(const Sentence& s, Span trigger) const {
        const Span near = reach(s, trigger);
        auto [lo, hi] = slice(facts_.located, near.begin, near.end);
        std::optional<GazetteerHit> best;
        std::size_t best_distance = 0;
        for (std::size_t k = lo; k < hi; ++k) {
            const GazetteerHit& p = facts_.located[k];
            const bool after = p.begin >= trigger.end;
            if ((after ? break_cost(trigger.end, p.begin) : break_cost(p.end, trigger.begin)) >= kClauseBreakCost)
                continue;  // the place of another clause
            std::size_t distance = after ? p.begin - trigger.end : trigger.begin - std::min(trigger.begin, p.end);
            if (!best || distance < best_distance) {
                best = p;
                best_distance = distance;
            }
        }
        return best;
    }

    void actors_in(std::size_t from, std::size_t to, std::optional<date::sys_days> on, std::vector<Actor>& out) const {
        auto [lo, hi] = slice(facts_.actors, from, to);
        for (std::size_t k = lo; k < hi; ++k) {
            const GazetteerHit& hit = facts_.actors[k];
            // A place (`di Rusia`, `ke Korea Utara`) is where, not who.
            if (located(hit)) continue;
            auto actor = gazetteer_.actor(hit, on);
            if (!actor || actor->kind == "media") continue;
            out.push_back(*actor);
        }
    }

    bool located(const GazetteerHit& hit) const {
        auto it = std::lower_bound(facts_.located.begin(), facts_.located.end(), hit.begin,
                                   [](const GazetteerHit& p, std::size_t v) { return p.end <= v; });
        for (; it != facts_.located.end() && it->begin < hit.end; ++it)
            if (hit.begin < it->end) return true;
        return false;
    }

    // The people the article names most often (at least twice), most often first.
    const std::vector<Actor>& protagonists() const {
        if (protagonists_) return *protagonists_;
        std::map<int, std::pair<int, std::size_t>> counts;  // actor entry -> (mentions, first offset)
        for (const auto& hit : facts_.actors) {
            if (hit.is_role) continue;
            const Actor& a = gazetteer_.actors()[static_cast<std::size_t>(hit.entry)];
            if (a.kind != "person") continue;
            auto [it, inserted] = counts.try_emplace(hit.entry, 0, hit.begin);
            ++it->second.first;
        }
        std::vector<std::pair<std::pair<int, std::size_t>, int>> ranked;
        for (const auto& [entry, c] : counts)
            if (c.first >= 2) ranked.push_back({{-c.first, c.second}, entry});
        std::sort(ranked.begin(), ranked.end());
        protagonists_.emplace();
        for (const auto& [key, entry] : ranked) protagonists_->push_back(gazetteer_.actors()[static_cast<std::size_t>(entry)]);
        return *protagonists_;
    }

    // The number of different names (a handful of actors: compared pairwise, no set built).
    static std::size_t distinct(const std::vector<Actor>& actors) {
        std::size_t count = 0;
        for (std::size_t i = 0; i < actors.size(); ++i) {
            bool seen = false;
            for (std::size_t j = 0; j < i && !seen; ++j) seen = actors[j].name == actors[i].name;
            count += !seen;
        }
        return count;
    }

    std::string choose_actors(std::size_t index, const Sentence& s, Span trigger, std::optional<date::sys_days> on,
                              int needed, std::vector<std::string>& out) const {
        std::vector<Actor> found;
        const Span near = reach(s, trigger);
        actors_in(near.begin, near.end, on, found);
        std::string why = "from the sentence";
        const auto& sentences = *doc_.sentences;
        // "Kedua pemimpin sepakat ..." names the two protagonists of the story, the people the
        // article names most often; "kedua negara" their countries.
        const bool leaders = has_cue_between(both_leaders_, near.begin, near.end);
        const bool countries = has_cue_between(both_countries_, near.begin, near.end);
        if (static_cast<int>(distinct(found)) < needed && (leaders || countries)) {
            for (const auto& a : protagonists()) {
                if (static_cast<int>(distinct(found)) >= std::max(needed, 2)) break;
                if (leaders) found.push_back(a);
                else if (const Actor* country = gazetteer_.find_actor(a.country); country && !a.country.empty())
                    found.push_back(*country);
            }
            why = "from the sentence and the article's protagonists";
        }
        // "Kedua pihak ..." at the start of a paragraph names the parties of the paragraphs
        // before: such a sentence looks back three sentences, across paragraphs.
        const bool parties = has_cue_between(both_parties_, near.begin, near.end);
        for (std::size_t back = 1; back <= (parties ? 3u : 2u) && back <= index && static_cast<int>(distinct(found)) < needed;
             ++back) {
            const Sentence& previous = sentences[index - back];
            if (previous.paragraph != s.paragraph && !parties) break;
            actors_in(std::max(previous.begin, previous.end > kReach ? previous.end - kReach : 0), previous.end, on, found);
            why = "from the sentence and the one before it";
        }
        // `Presiden Rusia Vladimir Putin` names Putin, not Russia as a second actor.
        auto represented = [&](const std::string& country) {
            return std::any_of(found.begin(), found.end(),
                               [&](const Actor& a) { return a.kind == "person" && a.country == country; });
        };
        out.clear();
        for (const auto& a : found)
            if (!(a.kind == "country" && represented(a.name))) out.push_back(a.name);
        std::sort(out.begin(), out.end());  // the names in order, each once (a std::set before)
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return why;
    }

    StatusChoice choose_status(const Sentence& s, Span trigger, const std::vector<TriggerMatch>& triggers) const {
        StatusChoice choice;
        int rank = 0;  // denied 3 > negated 2 > planned 1
        const Span near = reach(s, trigger);
        auto [lo, hi] = slice(facts_.status, near.begin, near.end);
        for (std::size_t k = lo; k < hi; ++k) {
            const CueHit& cue = facts_.status[k];
            if (cue.begin < trigger.end && trigger.begin < cue.end) continue;  // the trigger's own words
            const bool before = cue.end <= trigger.begin;
            const std::size_t gap = before ? trigger.begin - cue.end : cue.begin - trigger.end;
            const bool same_clause = before ? break_cost(cue.end, trigger.begin) < kClauseBreakCost
                                            : break_cost(trigger.end, cue.begin) < kClauseBreakCost;
            // A plan or a negation inside reported content ("memperingatkan bahwa serangan itu
            // akan ...") is the content's, not the reporting verb's.
            const bool reported = before ? has_cue_between(complementizer_, cue.end, trigger.begin)
                                         : has_cue_between(complementizer_, trigger.end, cue.begin);
            int r = 0;
            if (before) {
                // A denial speaks of the first event after it ("membantah bahwa Indonesia mengakui
                // klaim ... lewat pernyataan bersama"): the recognition is denied, not the statement.
                bool first_after = true;
                for (const auto& o : triggers)
                    if (o.begin >= cue.end && o.end <= trigger.begin && !(o.begin == trigger.begin && o.end == trigger.end))
                        first_after = false;
                if (cue.in(denied_) && first_after) r = 3;
                else if (reported) r = 0;
                else if (cue.in(negated_) && same_clause && gap <= kCueReachBefore) r = 2;
                else if (cue.in(planned_) && same_clause && gap <= kCueReachBefore) r = 1;
            } else if (same_clause && !reported && gap <= kCueReachAfter) {
                // Only a few words say something about the words before them: "kunjungan itu batal".
                if (cue.in(negated_after_)) r = 2;
                else if (cue.in(planned_after_)) r = 1;
            }
            if (r > rank) {
                rank = r;
                choice.cue = cue;
            }
        }
        choice.status = rank == 3 ? EventStatus::denied
                        : rank == 2 ? EventStatus::negated
                        : rank == 1 ? EventStatus::planned
                                    : EventStatus::occurred;
        return choice;
    }

    const RuleSet& rules_;
    const Gazetteer& gazetteer_;
    const DocumentView& doc_;
    DocumentFacts facts_;
    int planned_, denied_, negated_, planned_after_, negated_after_, context_, reporting_, clause_break_, during_,
        complementizer_, back_reference_, both_leaders_, both_countries_, both_parties_, relative_marker_;
    std::vector<std::size_t> sentence_of_;  // the sentence of each event found so far
    std::vector<bool> occasion_;            // whether each event's rule is an occasion
    std::vector<Span> trigger_of_;          // the trigger of each event
    mutable std::optional<std::vector<Actor>> protagonists_;
};

}  // namespace

bool SentenceTriggers::any() const {
    return std::any_of(of_sentence.begin(), of_sentence.end(), [](const auto& t) { return !t.empty(); });
}

SentenceTriggers EventFinder::find_triggers(std::string_view text, const std::vector<Sentence>& sentences,
                                            std::optional<int> only_rule) const {
    SentenceTriggers out;
    out.of_sentence.resize(sentences.size());
    if (!rules_.may_have_triggers(text)) return out;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
        const Sentence& s = sentences[i];
        std::vector<TriggerMatch>& found = out.of_sentence[i];
        found = rules_.find_triggers(text.substr(s.begin, s.end - s.begin), only_rule);
        for (auto& t : found) {
            t.begin += s.begin;
            t.end += s.begin;
        }
    }
    return out;
}

std::vector<Event> EventFinder::find(const DocumentView& doc, std::optional<int> only_rule) const {
    return find(doc, find_triggers(doc.text, *doc.sentences, only_rule));
}

std::vector<Event> EventFinder::find(const DocumentView& doc, SentenceTriggers triggers) const {
    if (!triggers.any()) return {};
    DocumentFacts facts;
    for (const auto& m : doc.dates->mentions) {
        auto d = event_date_of(m);
        if (d) facts.dates.push_back({m.begin, m.end, std::move(*d), std::nullopt});  // report_verb: mark_report_dates
    }
    facts.actors = gazetteer_.find_actors(doc.text);
    facts.places = gazetteer_.find_places(doc.text);
    const std::vector<TextWord> words = words_of(doc.text);
    facts.status = status_cues_.find(doc.text, words);
    facts.attachment = attachment_cues_.find(doc.text, words);
    mark_report_dates(doc.text, facts, kinds_.reporting, kinds_.date_link);
    drop_non_actors(facts, kinds_.non_actor);
    mark_located(doc.text, facts, kinds_.locative);
    add_short_names(doc.text, gazetteer_, facts);
    DocumentPass pass(rules_, gazetteer_, doc, std::move(facts), kinds_);
    return pass.run(triggers);
}

}  // namespace linimasa
