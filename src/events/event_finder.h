// The event finder: the rules' triggers in each sentence, each tied to its date, actors,
// place and status — the events of one document, before any merging.
//
//   EventFinder finder{rules, gazetteer, status_cues, attachment_cues};
//   std::vector<Event> events = finder.find(document_view);
//
// Date: the date expression nearest the trigger in the same sentence, where clause breaks
// (`;`, `namun`, `sedangkan`) count as distance and a date that follows a reporting verb after
// the trigger (`..., media pemerintah melaporkan pada Kamis`) dates the report, not the event.
// Without one, a sentence that points back (`pada hari itu`) takes the last date before it;
// otherwise the last date of the previous sentence of the paragraph (basis context); otherwise
// the publication date (basis publication); with no publication date the event is unanchored.
// An event left with the publication date in a sentence that places it during another occasion
// (`selama pembicaraan mereka`) takes the date of the nearest dated occasion (an event of a
// rule marked `occasion: true`, of another type) sharing an actor.
//
// Status: a denial cue anywhere before the trigger in the sentence (`membantah`) makes it
// denied; a negation (`tidak ada rencana`, `belum`) or plan (`akan`, `dijadwalkan`) counts only
// in the trigger's own clause and close to it; a date after the publication day makes an
// event planned. A denial trigger whose words are the cue of another event is not an event of
// its own (the denied event carries it).
//
// Actors: the gazetteer's actors in the sentence (roles resolved on the event's date; state
// media are sources, not actors; a country is dropped when one of its own people is named);
// if the rule needs more, the previous two sentences of the paragraph lend theirs. Location:
// the place introduced by a locative word (`di`, `ke`) nearest the trigger; such a place is
// never also an actor (`Kim tiba di Rusia` has no actor Russia).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/date_engine.h"
#include "events/cue_lists.h"
#include "events/event.h"
#include "events/event_rules.h"
#include "gazetteer/gazetteer.h"
#include "text/decoded_text.h"
#include "text/sentences.h"

namespace linimasa {

// One document as the finder sees it: furniture already masked, sentences split, dates found.
struct DocumentView {
    std::string_view text;                     // decoded UTF-8, furniture replaced by spaces
    const DecodedText* decoded = nullptr;      // for raw byte offsets (may be null: offsets stay UTF-8)
    std::string id;                            // document id for the sources column
    const std::vector<Sentence>* sentences = nullptr;
    const DocumentDates* dates = nullptr;
};

// The list indices of the cue files (-1 for an optional list that is absent).
struct CueKinds {
    int planned = -1, denied = -1, negated = -1, planned_after = -1, negated_after = -1;  // status.yaml
    int context = -1, reporting = -1, clause_break = -1, locative = -1, non_actor = -1, during = -1,
        complementizer = -1, back_reference = -1, both_leaders = -1, both_countries = -1, both_parties = -1,
        relative_marker = -1, date_link = -1;  // attachment.yaml
};

// The triggers of each sentence of a document (offsets in the document's text), sentence by
// sentence; found before anything else, because a document without any needs nothing more.
struct SentenceTriggers {
    std::vector<std::vector<TriggerMatch>> of_sentence;  // parallel to the document's sentences
    bool any() const;
};

class EventFinder {
public:
    EventFinder(const RuleSet& rules, const Gazetteer& gazetteer, const CueLists& status_cues,
                const CueLists& attachment_cues);

    // The rules' triggers in each sentence of `text`. `only_rule` limits matching to one rule.
    SentenceTriggers find_triggers(std::string_view text, const std::vector<Sentence>& sentences,
                                   std::optional<int> only_rule = std::nullopt) const;

    // The events of one document in text order, from its triggers (find_triggers on the same
    // text and sentences). A document without triggers costs nothing here: no gazetteer or
    // cue list reads it.
    std::vector<Event> find(const DocumentView& doc, SentenceTriggers triggers) const;
    // The same, finding the triggers first. `only_rule` limits matching to one rule (its tests).
    std::vector<Event> find(const DocumentView& doc, std::optional<int> only_rule = std::nullopt) const;

private:
    const RuleSet& rules_;
    const Gazetteer& gazetteer_;
    const CueLists& status_cues_;
    const CueLists& attachment_cues_;
    CueKinds kinds_;
};

// The lists rules/attachment.yaml must and may hold, for CueLists::load.
const std::vector<std::string>& attachment_lists();
const std::vector<std::string>& optional_attachment_lists();
// The lists rules/status.yaml must and may hold.
const std::vector<std::string>& status_lists();
const std::vector<std::string>& optional_status_lists();

}  // namespace linimasa
