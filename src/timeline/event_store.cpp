#include "timeline/event_store.h"

#include <algorithm>
#include <cstdint>

#include "timeline/merge_partition.h"
#include "timeline/partition_spill.h"
#include "timeline/spilled_text.h"

namespace linimasa {

struct EventStore::Shared {
    StringPool strings;
    SpilledText text;
};

EventStore::EventStore(std::size_t memory_budget)
    : shared_(std::make_shared<Shared>()), memory_budget_(memory_budget) {}

EventStore::EventStore(std::shared_ptr<Shared> shared) : shared_(std::move(shared)), memory_budget_(kNoBudget) {}

EventStore::~EventStore() = default;
EventStore::EventStore(EventStore&&) noexcept = default;
EventStore& EventStore::operator=(EventStore&&) noexcept = default;

EventStore::Id EventStore::intern(std::string_view s) { return shared_->strings.intern(s); }
std::string_view EventStore::text(Id id) const { return shared_->strings.text(id); }
std::size_t EventStore::string_count() const { return shared_->strings.size(); }
const std::vector<EventStore::Id>& EventStore::string_ranks() const { return shared_->strings.ranks(); }

std::span<const EventStore::Id> EventStore::actors(std::size_t i) const {
    const Entry& e = entries_[i];
    return {actor_ids_.data() + e.actors_at, e.actors_count};
}

bool EventStore::ok() const { return error_.empty() && shared_->text.ok(); }

const std::string& EventStore::error() const { return error_.empty() ? shared_->text.error() : error_; }

void EventStore::make_room(std::size_t actors, std::size_t text) {
    if (entries_.capacity() == 0) {
        // Room for a whole batch at once: growing by doubling would copy, and hold the old and
        // the new array together, at the very moment memory is fullest. (Pages are only
        // taken as they are filled: a small run costs what it uses.)
        const std::size_t batch = std::max<std::size_t>(1, memory_budget_ / (sizeof(Entry) + 2 * sizeof(Id)));
        entries_.reserve(batch);
        actor_ids_.reserve(2 * batch);
    }
    // The text counts while it is in memory (until the first batch goes out, with it).
    const std::size_t bytes = entries_.size() * sizeof(Entry) + (actor_ids_.size() + actors) * sizeof(Id) +
                              shared_->text.memory_bytes() + text;
    if (!entries_.empty() && (entries_.size() == entries_.capacity() ||
                              actor_ids_.size() + actors > actor_ids_.capacity() || bytes > memory_budget_))
        spill_batch();
}

void EventStore::add(const Event& e) {
    if (memory_budget_ != kNoBudget) make_room(e.actors.size(), e.evidence.size() + e.why.size());
    ++event_count_;
    Entry k;
    k.type = intern(e.type);
    k.rule = intern(e.rule);
    k.location = intern(e.location);
    k.country = intern(e.location_country);
    k.document = intern(e.document);
    k.date = intern(e.when.date);
    k.date_end = intern(e.when.date_end);
    k.date_text = intern(e.when.text);
    k.trigger = intern(e.trigger);
    k.status = e.status;
    k.precision = e.when.precision;
    k.basis = e.when.basis;
    k.offset = e.offset;
    if (auto f = e.when.first()) k.first = static_cast<std::int32_t>(f->time_since_epoch().count());
    if (auto l = e.when.last()) k.last = static_cast<std::int32_t>(l->time_since_epoch().count());
    k.actors_at = static_cast<std::uint32_t>(actor_ids_.size());
    k.actors_count = static_cast<std::uint32_t>(e.actors.size());
    for (const auto& a : e.actors) actor_ids_.push_back(intern(a));  // e.actors is sorted by name
    k.evidence_size = static_cast<std::uint32_t>(e.evidence.size());
    k.why_size = static_cast<std::uint32_t>(e.why.size());
    k.spilled_at = shared_->text.add(e.evidence, e.why);
    entries_.push_back(k);
}

void EventStore::spill_batch() {
    if (!error_.empty()) {  // the file failed: what comes now cannot be kept either
        entries_.clear();
        actor_ids_.clear();
        return;
    }
    if (!partitions_) {
        std::optional<TempFile> file = TempFile::create(error_);
        if (!file || !shared_->text.spill(error_)) {
            error_.insert(0, "more events than fit in memory, and ");
            entries_.clear();
            actor_ids_.clear();
            return;
        }
        partitions_ = std::make_unique<PartitionSpill>(std::move(*file));
    }
    std::vector<std::uint32_t> partition(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const auto key = merge_partition(entries_[i].type, entries_[i].status);
        partition[i] = partition_of_.try_emplace(key, static_cast<std::uint32_t>(partition_of_.size())).first->second;
    }
    if (!partitions_->write(entries_, actor_ids_, partition)) error_ = partitions_->error();
    entries_.clear();  // the capacity stays for the next batch
    actor_ids_.clear();
}

bool EventStore::finish() {
    if (partitions_) {
        if (!entries_.empty()) spill_batch();
        std::vector<Entry>().swap(entries_);
        std::vector<Id>().swap(actor_ids_);
        if (error_.empty() && !partitions_->flush()) error_ = partitions_->error();
    }
    shared_->text.flush();
    shared_->strings.ranks();  // worked out now, while one thread runs
    return ok();
}

std::size_t EventStore::partition_count() const { return partitions_ ? partitions_->partition_count() : 0; }

std::size_t EventStore::partition_size(std::size_t p) const { return partitions_->entry_count(p); }

std::optional<EventStore> EventStore::load_partition(std::size_t p, std::string& error) const {
    EventStore part(shared_);
    if (!partitions_->read(p, part.entries_, part.actor_ids_)) {
        error = partitions_->error().empty() ? "a temporary file was cut short" : partitions_->error();
        return std::nullopt;
    }
    part.event_count_ = part.entries_.size();
    return part;
}

Event EventStore::event(std::size_t i) const {
    const Entry& k = entries_[i];
    Event e;
    e.type = text(k.type);
    e.rule = text(k.rule);
    e.location = text(k.location);
    e.location_country = text(k.country);
    e.document = text(k.document);
    e.when.date = text(k.date);
    e.when.date_end = text(k.date_end);
    e.when.text = text(k.date_text);
    e.trigger = text(k.trigger);
    e.status = k.status;
    e.when.precision = k.precision;
    e.when.basis = k.basis;
    e.offset = k.offset;
    for (Id a : actors(i)) e.actors.emplace_back(text(a));
    std::string both = shared_->text.read(k.spilled_at, k.evidence_size + k.why_size);
    e.evidence = both.substr(0, k.evidence_size);
    e.why = both.size() > k.evidence_size ? both.substr(k.evidence_size) : std::string();
    return e;
}

}  // namespace linimasa
