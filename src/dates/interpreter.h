// The interpreter: reads the words of one span that the grammar matched into a Reading.
//
//   std::optional<Reading> r = interpret(lexicon, "akhir Agustus lalu", false);
//   // r->date.month == 8, r->period_part == "END", r->direction == Direction::past
//
// It looks every word up in the lexicon (longest phrase first), so the same code serves
// whatever patterns the grammar lists. It returns nothing when the span names no time
// (a lone unit word such as "minggu").
#pragma once

#include <optional>
#include <string_view>

#include "dates/reading.h"
#include "lexicon/lexicon.h"

namespace linimasa {

// `sentence_initial` says the span starts a sentence, where capitals carry no meaning
// (Minggu lalu: last week, not last Sunday).
std::optional<Reading> interpret(const Lexicon& lexicon, std::string_view span, bool sentence_initial);

}  // namespace linimasa
