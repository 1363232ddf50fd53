#include "events/event_rules.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "text/word_boundary.h"
#include "util/iso_day.h"
#include "util/yaml_reading.h"

namespace linimasa {

namespace fs = std::filesystem;

std::string EventRule::reference() const {
    std::string out = id;
    out.append("@").append(file).append(":").append(std::to_string(line));
    return out;
}

RuleSet::~RuleSet() = default;

namespace {

const std::vector<std::string> kRuleKeys = {"id", "type", "description", "triggers", "needs", "occasion", "examples", "not"};
const std::vector<std::string> kNeedsKeys = {"actors", "location"};
const std::vector<std::string> kExampleKeys = {"text", "ref_date", "expect"};
const std::vector<std::string> kExpectKeys = {"date", "date_end", "actors", "status", "location", "basis", "type"};
const std::vector<std::string> kStatuses = {"occurred", "planned", "denied", "negated"};
const std::vector<std::string> kBases = {"explicit", "relative", "context", "publication", "unanchored"};

// A trigger as the set and the search see it: a group of its own, so that a trigger's
// alternatives never leak out; word boundaries are checked afterwards (text/word_boundary.h).
std::string grouped(const std::string& trigger) {
    std::string out = "(?:";
    out.append(trigger).append(")");
    return out;
}

RE2::Options trigger_options() {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_longest_match(true);
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    return options;
}

// Whether a pattern may assert something about the text around a match (^ $ \b \B \A \z):
// then a part of a text can match where the whole does not. Erring on the side of yes (a `^`
// inside a class counts too) only costs speed.
bool looks_at_context(const std::string& pattern) {
    if (pattern.find_first_of("^$") != std::string::npos) return true;
    for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
        if (pattern[i] != '\\') continue;
        const char next = pattern[i + 1];
        if (next == 'b' || next == 'B' || next == 'A' || next == 'z') return true;
        ++i;  // an escaped backslash is not the start of another escape
    }
    return false;
}

bool is_snake_case(const std::string& s) {
    if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool is_kebab_case(const std::string& s) {
    if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9'))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Checks that a date as an example expects it is one the timeline could print:
// 2023, 2023-08, 2023-08-15, XXXX-08-15, 2023-08-15T13:26.
bool is_timeline_date(const std::string& s) {
    static const RE2 shape(R"((?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?)");
    return RE2::FullMatch(s, shape);
}

class RuleFileReader {
public:
    RuleFileReader(YamlSource& src, std::string relative, std::vector<EventRule>& rules)
        : src_(src), relative_(std::move(relative)), rules_(rules) {}

    void read(const YAML::Node& root) {
        if (root.IsNull()) return;  // an empty file holds no rules
        if (!root.IsSequence()) {
            src_.error(root, "a rule file is a list of rules (each starting with '- id:')");
            return;
        }
        for (const auto& node : root) read_rule(node);
    }

private:
    void read_rule(const YAML::Node& node) {
        if (!node.IsMap()) {
            src_.error(node, "each rule must be a mapping with id, type and triggers");
            return;
        }
        src_.check_keys(node, kRuleKeys);
        EventRule rule;
        rule.file = relative_;
        rule.line = yaml_line(node);
        rule.id = src_.scalar(node, "id");
        if (!rule.id.empty() && !is_kebab_case(rule.id))
            src_.error(node["id"], "rule id '" + rule.id + "' must be kebab-case (letter-exchange)");
        rule.type = src_.scalar(node, "type");
        if (!rule.type.empty() && !is_snake_case(rule.type))
            src_.error(node["type"], "event type '" + rule.type + "' must be snake_case (letter_exchange)");
        rule.description = src_.scalar(node, "description", false);
        read_triggers(node, rule);
        read_needs(node, rule);
        if (const YAML::Node occasion = node["occasion"]) {
            try {
                rule.occasion = occasion.as<bool>();
            } catch (const YAML::Exception&) {
                src_.error(occasion, "'occasion' must be true or false");
            }
        }
        read_examples(node, rule);
        read_counter_examples(node, rule);
        rules_.push_back(std::move(rule));
    }

    void read_triggers(const YAML::Node& node, EventRule& rule) {
        rule.triggers = src_.strings(node, "triggers");
        const YAML::Node list = node["triggers"];
        if (list && rule.triggers.empty() && !list.IsScalar()) src_.error(list, "a rule needs at least one trigger");
        for (std::size_t i = 0; i < rule.triggers.size(); ++i) {
            const YAML::Node at = list.IsSequence() ? list[i] : list;
            // Compiled once here, as the matcher will use it; RE2's message is given for the
            // pattern as the analyst wrote it.
            auto compiled = std::make_shared<const RE2>(grouped(rule.triggers[i]), trigger_options());
            if (!compiled->ok()) {
                RE2 alone(rule.triggers[i], trigger_options());
                src_.error(at, "invalid trigger pattern: " + (alone.ok() ? compiled->error() : alone.error()));
                continue;
            }
            if (RE2::FullMatch("", *compiled)) src_.error(at, "trigger '" + rule.triggers[i] + "' matches the empty string");
            rule.compiled.push_back(std::move(compiled));
        }
    }

    void read_needs(const YAML::Node& node, EventRule& rule) {
        const YAML::Node needs = node["needs"];
        if (!needs) return;
        if (!needs.IsMap()) {
            src_.error(needs, "'needs' must be a mapping such as {actors: 1}");
            return;
        }
        src_.check_keys(needs, kNeedsKeys);
        if (const YAML::Node actors = needs["actors"]) {
            try {
                rule.needs_actors = actors.as<int>();
                if (rule.needs_actors < 0 || rule.needs_actors > 10) throw YAML::Exception(actors.Mark(), "");
            } catch (const YAML::Exception&) {
                src_.error(actors, "'actors' must be a whole number from 0 to 10");
            }
        }
        if (const YAML::Node location = needs["location"]) {
            try {
                rule.needs_location = location.as<bool>();
            } catch (const YAML::Exception&) {
                src_.error(location, "'location' must be true or false");
            }
        }
    }

    void read_examples(const YAML::Node& node, EventRule& rule) {
        const YAML::Node list = node["examples"];
        if (!list) return;
        if (!list.IsSequence()) {
            src_.error(list, "'examples' must be a list of {text, expect}");
            return;
        }
        for (const auto& item : list) {
            if (!item.IsMap()) {
                src_.error(item, "an example must be a mapping with 'text' and 'expect'");
                continue;
            }
            src_.check_keys(item, kExampleKeys);
            RuleExample example;
            example.line = yaml_line(item);
            example.text = src_.scalar(item, "text");
            std::string ref = src_.scalar(item, "ref_date", false);
            if (!ref.empty()) {
                if (!parse_iso_day(ref)) src_.error(item["ref_date"], "ref_date '" + ref + "' is not a date (YYYY-MM-DD)");
                example.ref_date = ref;
            }
            read_expectation(item["expect"], example.expect);
            rule.examples.push_back(std::move(example));
        }
    }

    void read_expectation(const YAML::Node& expect, RuleExpectation& out) {
        if (!expect) return;
        if (!expect.IsMap()) {
            src_.error(expect, "'expect' must be a mapping such as {date: 2023-08-15}");
            return;
        }
        src_.check_keys(expect, kExpectKeys);
        auto optional_scalar = [&](const char* key, std::optional<std::string>& field) {
            if (expect[key]) field = src_.scalar(expect, key);
        };
        optional_scalar("date", out.date);
        optional_scalar("date_end", out.date_end);
        optional_scalar("status", out.status);
        optional_scalar("location", out.location);
        optional_scalar("basis", out.basis);
        optional_scalar("type", out.type);
        if (expect["actors"]) out.actors = src_.strings(expect, "actors");
        for (const auto* key : {"date", "date_end"}) {
            const auto& value = std::string(key) == "date" ? out.date : out.date_end;
            if (value && !is_timeline_date(*value))
                src_.error(expect[key], "'" + *value + "' is not a timeline date (2023, 2023-08, 2023-08-15, XXXX-08-15)");
        }
        if (out.status && std::find(kStatuses.begin(), kStatuses.end(), *out.status) == kStatuses.end())
            src_.error(expect["status"], "unknown status '" + *out.status + "' (occurred, planned, denied, negated)");
        if (out.basis && std::find(kBases.begin(), kBases.end(), *out.basis) == kBases.end())
            src_.error(expect["basis"],
                       "unknown basis '" + *out.basis + "' (explicit, relative, context, publication, unanchored)");
    }

    void read_counter_examples(const YAML::Node& node, EventRule& rule) {
        const YAML::Node list = node["not"];
        if (!list) return;
        if (!list.IsSequence()) {
            src_.error(list, "'not' must be a list of sentences the rule must not fire on");
            return;
        }
        for (const auto& item : list) {
            if (!item.IsScalar()) {
                src_.error(item, "each 'not' entry must be a sentence");
                continue;
            }
            rule.counter_examples.push_back({item.Scalar(), yaml_line(item)});
        }
    }

    YamlSource& src_;
    std::string relative_;
    std::vector<EventRule>& rules_;
};

std::vector<fs::path> rule_files(const fs::path& folder, Diagnostics& diagnostics) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        diagnostics.push_back({folder.string(), 0, 0, "the event rules folder is missing"});
        return files;
    }
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) diagnostics.push_back({folder.string(), 0, 0, "no event rule files (*.yaml) in the folder"});
    return files;
}

void check_unique_ids(const std::vector<EventRule>& rules, const std::string& rules_dir, Diagnostics& diagnostics) {
    std::map<std::string, const EventRule*> first;
    for (const auto& rule : rules) {
        if (rule.id.empty()) continue;
        auto [it, inserted] = first.emplace(rule.id, &rule);
        if (inserted) continue;
        diagnostics.push_back({(fs::path(rules_dir) / rule.file).string(), rule.line, 1,
                               "duplicate rule id '" + rule.id + "' (first defined at " + it->second->file + ":" +
                                   std::to_string(it->second->line) + ")"});
    }
}

}  // namespace

RuleSetLoad RuleSet::load(const std::string& rules_dir) {
    RuleSetLoad out;
    std::unique_ptr<RuleSet> set(new RuleSet());
    for (const auto& path : rule_files(fs::path(rules_dir) / "events", out.diagnostics)) {
        auto root = load_yaml_file(path.string(), out.diagnostics);
        if (!root) continue;
        YamlSource src{path.string(), out.diagnostics};
        RuleFileReader reader(src, fs::path("events") / path.filename(), set->rules_);
        reader.read(*root);
    }
    check_unique_ids(set->rules_, rules_dir, out.diagnostics);
    if (has_errors(out.diagnostics)) return out;

    set->prefilter_ = std::make_unique<RE2::Set>(trigger_options(), RE2::UNANCHORED);
    for (std::size_t r = 0; r < set->rules_.size(); ++r) {
        for (const auto& compiled : set->rules_[r].compiled) {
            std::string error;
            if (set->prefilter_->Add(compiled->pattern(), &error) < 0) {
                out.diagnostics.push_back({(fs::path(rules_dir) / set->rules_[r].file).string(), set->rules_[r].line, 1,
                                           "invalid trigger: " + error});
                continue;
            }
            set->triggers_.push_back({static_cast<int>(r), compiled});
            set->context_free_ = set->context_free_ && !looks_at_context(compiled->pattern());
        }
    }
    if (!set->prefilter_->Compile()) {
        // Each trigger fits on its own, all of them together do not: name the largest, the
        // one to simplify first.
        const CompiledTrigger* largest = nullptr;
        for (const auto& t : set->triggers_)
            if (!largest || t.pattern->ProgramSize() > largest->pattern->ProgramSize()) largest = &t;
        if (largest) {
            const EventRule& rule = set->rules_[static_cast<std::size_t>(largest->rule)];
            out.diagnostics.push_back({(fs::path(rules_dir) / rule.file).string(), rule.line, 1,
                                       "the triggers together are too large for RE2's memory budget (" +
                                           std::to_string(trigger_options().max_mem() >> 20) +
                                           " MiB); the largest is in rule '" + rule.id + "'"});
        } else {
            out.diagnostics.push_back({rules_dir + "/events", 0, 0, "the triggers are too many to compile together"});
        }
    }
    if (has_errors(out.diagnostics)) return out;
    out.rules = std::move(set);
    return out;
}

bool RuleSet::may_have_triggers(std::string_view text) const {
    return !context_free_ || prefilter_->Match(text, nullptr);  // without a match list, RE2 stops at the first
}

std::vector<TriggerMatch> RuleSet::find_triggers(std::string_view text, std::optional<int> only_rule) const {
    std::vector<TriggerMatch> found;
    std::vector<int> hits;
    if (!prefilter_->Match(text, &hits)) return found;
    std::sort(hits.begin(), hits.end());
    for (int index : hits) {
        const CompiledTrigger& trigger = triggers_[static_cast<std::size_t>(index)];
        if (only_rule && *only_rule != trigger.rule) continue;
        re2::StringPiece match;
        std::size_t pos = 0;
        while (pos < text.size() && trigger.pattern->Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
            auto begin = static_cast<std::size_t>(match.data() - text.data());
            auto end = begin + match.size();
            if (end > begin && is_whole_word(text, begin, end)) {
                found.push_back({begin, end, trigger.rule});
                pos = end;
                continue;
            }
            // Inside a word (`bertemu` in `pertemuannya`): look again from the next character.
            pos = begin + 1;
            while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
        }
    }
    // One rule's triggers may overlap (two patterns for the same words): keep the earliest, longest.
    std::sort(found.begin(), found.end(), [](const TriggerMatch& a, const TriggerMatch& b) {
        if (a.rule != b.rule) return a.rule < b.rule;
        if (a.begin != b.begin) return a.begin < b.begin;
        return a.end > b.end;
    });
    std::vector<TriggerMatch> kept;
    for (const auto& m : found) {
        if (!kept.empty() && kept.back().rule == m.rule && m.begin < kept.back().end) continue;
        kept.push_back(m);
    }
    std::sort(kept.begin(), kept.end(), [](const TriggerMatch& a, const TriggerMatch& b) {
        return a.begin != b.begin ? a.begin < b.begin : a.rule < b.rule;
    });
    return kept;
}

}  // namespace linimasa
