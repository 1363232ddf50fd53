// The extractor: the one place that knows the order of the stages.
//
//   ExtractorLoad load = Extractor::load("rules");       // every rule file, validated
//   if (!load.extractor) { report(load.diagnostics); return 2; }
//   DocumentEvents r = load.extractor->extract(document, ref_date);
//
// Document ─► furniture masked (offsets kept) ─► sentences ─► dates (anchored on --ref-date,
// else the record's `published`, else the dateline) ─► triggers ─► events.
// Each stage is a value-to-value function in its own unit; this file only wires them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "boilerplate/boilerplate.h"
#include "dates/date_engine.h"
#include "document/document.h"
#include "events/cue_lists.h"
#include "events/event.h"
#include "events/event_finder.h"
#include "events/event_rules.h"
#include "gazetteer/gazetteer.h"
#include "text/sentences.h"
#include "util/diagnostic.h"

namespace linimasa {

struct DocumentEvents {
    std::vector<Event> events;  // in text order
    Diagnostics diagnostics;    // warnings about this document (no publication date, ...)
};

class Extractor;

struct ExtractorLoad {
    std::unique_ptr<Extractor> extractor;  // empty when any rule file has an error
    Diagnostics diagnostics;               // every problem of every rule file
};

class Extractor {
public:
    // Loads and compiles everything under rules_dir: lexicon/id.yaml, boilerplate.yaml,
    // segmentation.yaml, outlets.yaml, actors.yaml, places.yaml, status.yaml, attachment.yaml, events/*.yaml.
    static ExtractorLoad load(const std::string& rules_dir);

    // The events of one document. `ref_date` overrides the document's own publication date.
    DocumentEvents extract(const Document& doc, std::optional<date::sys_days> ref_date) const;

    // The events of a bare text (a rule example): no furniture stripping, `publication` as the
    // anchor, optionally one rule only.
    std::vector<Event> extract_text(std::string_view text, std::optional<date::sys_days> publication,
                                    std::optional<int> only_rule) const;

    const RuleSet& rules() const { return *rules_; }
    const Gazetteer& gazetteer() const { return *gazetteer_; }
    const Boilerplate& boilerplate() const { return *boilerplate_; }
    const SentenceSplitter& sentences() const { return *sentences_; }
    const Outlets& outlets() const { return *outlets_; }
    // What read_documents needs to find titles and outlets.
    DocumentRules document_rules() const { return {outlets_.get(), boilerplate_.get()}; }

    ~Extractor();

private:
    Extractor() = default;

    std::unique_ptr<DateEngine> dates_;
    std::unique_ptr<Boilerplate> boilerplate_;
    std::unique_ptr<Outlets> outlets_;
    std::unique_ptr<SentenceSplitter> sentences_;
    std::unique_ptr<Gazetteer> gazetteer_;
    std::unique_ptr<RuleSet> rules_;
    std::unique_ptr<CueLists> status_cues_;
    std::unique_ptr<CueLists> attachment_cues_;
    std::unique_ptr<EventFinder> finder_;
};

}  // namespace linimasa
