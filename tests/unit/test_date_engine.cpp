// Unit tests for src/dates/date_engine.h: whole texts through the shipped rules, with a
// fixed publication date (Wednesday 2023-09-13) unless the dateline is under test.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE date_engine
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

#include "dates/date_engine.h"

namespace linimasa {
std::ostream& operator<<(std::ostream& os, DateBasis b) { return os << to_string(b); }
}  // namespace linimasa

using namespace linimasa;

namespace {

const date::sys_days kAnchor = date::sys_days{date::year{2023} / 9 / 13};  // a Wednesday

const DateEngine& engine() {
    static EngineLoad load = DateEngine::load(LINIMASA_SOURCE_RULES);
    BOOST_TEST_REQUIRE(static_cast<bool>(load.engine));
    return *load.engine;
}

DocumentDates anchored(const std::string& text) { return engine().analyze(text, kAnchor); }

// "[text] TYPE VALUE MOD" for each mention, joined by " | ": one comparison shows everything.
std::string describe(const DocumentDates& dates) {
    std::string out;
    for (const auto& m : dates.mentions) {
        if (!out.empty()) out.append(" | ");
        out.append("[").append(m.text).append("] ").append(m.type).append(" ").append(m.value);
        if (!m.mod.empty()) out.append(" ").append(m.mod);
    }
    return out;
}

std::string at_anchor(const std::string& text) { return describe(anchored(text)); }

std::string day_text(const std::optional<date::sys_days>& d) { return d ? iso_day(*d) : "none"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(loading)

BOOST_AUTO_TEST_CASE(shipped_rules_load_clean) {
    EngineLoad load = DateEngine::load(LINIMASA_SOURCE_RULES);
    BOOST_TEST_REQUIRE(static_cast<bool>(load.engine));
    BOOST_TEST(load.diagnostics.empty());
    BOOST_TEST(Lexicon::lookup(load.engine->lexicon().months, "juni") != nullptr);
}

BOOST_AUTO_TEST_CASE(missing_rules_folder) {
    EngineLoad load = DateEngine::load("/nonexistent/linimasa-rules");
    BOOST_TEST(!load.engine);
    BOOST_TEST(has_errors(load.diagnostics));
}

BOOST_AUTO_TEST_CASE(broken_grammar_gives_no_engine) {
    Lexicon lex = engine().lexicon();
    lex.grammar.push_back({"extra", "{tidak_ada}", 900, 3});
    EngineLoad load = DateEngine::from_lexicon(std::move(lex));
    BOOST_TEST(!load.engine);
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u);
    BOOST_TEST(load.diagnostics[0].line == 900);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(spans)

BOOST_AUTO_TEST_CASE(byte_offsets_in_running_text) {
    // multi-byte characters (é, curly quotes) before the dates shift byte offsets
    const std::string text =
        "Kaf\xC3\xA9 \xE2\x80\x9CSenja\xE2\x80\x9D di Bandung dibuka pada Jumat, 1 Maret 2024 pukul 19.00 WIB "
        "dan tutup tiga hari kemudian.";
    DocumentDates d = anchored(text);
    BOOST_TEST_REQUIRE(d.mentions.size() == 2u, describe(d));
    const TimeMention& opening = d.mentions[0];
    BOOST_TEST(opening.begin == text.find("Jumat"));
    BOOST_TEST(opening.end == text.find(" dan tutup"));
    BOOST_TEST(opening.text == "Jumat, 1 Maret 2024 pukul 19.00 WIB");
    BOOST_TEST(opening.type == "TIME");
    BOOST_TEST(opening.value == "2024-03-01T19:00+07:00");
    BOOST_TEST(opening.basis == DateBasis::explicit_date);
    const TimeMention& closing = d.mentions[1];
    BOOST_TEST(closing.begin == text.find("tiga hari"));
    BOOST_TEST(closing.end == text.size() - 1);
    BOOST_TEST(closing.value == "2024-03-04");  // three days after the opening, not the anchor
    BOOST_TEST(closing.basis == DateBasis::context);
}

BOOST_AUTO_TEST_CASE(mentions_in_text_order_without_overlap) {
    const std::string text =
        "Rapat pertama digelar 4 September 2023. Sepekan kemudian, panitia bertemu lagi pada Senin pagi "
        "dan sepakat melanjutkan pembahasan bulan depan. Hasilnya diumumkan akhir tahun ini, setiap Jumat.";
    DocumentDates d = anchored(text);
    BOOST_TEST(describe(d) ==
               "[4 September 2023] DATE 2023-09-04 | [Sepekan kemudian] DATE 2023-09-11 | "
               "[Senin pagi] TIME 2023-09-11TMO | [bulan depan] DATE 2023-10 | "
               "[akhir tahun ini] DATE 2023 END | [setiap Jumat] SET XXXX-WXX-5");
    for (std::size_t i = 0; i < d.mentions.size(); ++i) {
        const TimeMention& m = d.mentions[i];
        BOOST_TEST(m.begin < m.end);
        BOOST_TEST(text.substr(m.begin, m.end - m.begin) == m.text);
        if (i > 0) BOOST_TEST(d.mentions[i - 1].end <= m.begin);
    }
}

BOOST_AUTO_TEST_CASE(range_opener_stays_outside_the_span) {
    const std::string text = "Festival itu berlangsung antara Mei dan Juli 2024 di Solo.";
    DocumentDates d = anchored(text);
    BOOST_TEST_REQUIRE(d.mentions.size() == 1u, describe(d));
    BOOST_TEST(d.mentions[0].begin == text.find("Mei"));
    BOOST_TEST(d.mentions[0].text == "Mei dan Juli 2024");
    BOOST_TEST(d.mentions[0].value == "2024-05/2024-07");
    BOOST_TEST(d.mentions[0].is_range);
}

BOOST_AUTO_TEST_CASE(given_reference_is_the_publication) {
    DocumentDates d = anchored("Harga cabai turun kemarin.");
    BOOST_TEST(day_text(d.publication) == "2023-09-13");
    BOOST_TEST(!d.publication_from_dateline);
    BOOST_TEST(describe(d) == "[kemarin] DATE 2023-09-12");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(dateline)

BOOST_AUTO_TEST_CASE(header_line) {
    const std::string text =
        "Harga Cabai Rawit Melonjak di Pasar Induk\n"
        "Selasa, 18 Juni 2024 11:00 WIB\n"
        "\n"
        "Harga cabai rawit di pasar induk naik tajam sejak kemarin. Pedagang memperkirakan harga turun pekan depan.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-06-18");
    BOOST_TEST(d.publication_from_dateline);
    BOOST_TEST(describe(d) ==
               "[Selasa, 18 Juni 2024 11:00 WIB] TIME 2024-06-18T11:00+07:00 | [kemarin] DATE 2024-06-17 | "
               "[pekan depan] DATE 2024-W26");
}

BOOST_AUTO_TEST_CASE(outlet_lead_sentence) {
    const std::string text =
        "Banjir Rob Rendam Permukiman Nelayan\n"
        "\n"
        "TEMPO.CO, Jakarta - Banjir rob kembali merendam permukiman nelayan di pesisir utara pada Selasa, "
        "15 Agustus 2023. Air mulai naik sejak Senin malam dan diperkirakan surut dua hari lagi.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2023-08-15");
    BOOST_TEST(d.publication_from_dateline);
    BOOST_TEST(describe(d) ==
               "[Selasa, 15 Agustus 2023] DATE 2023-08-15 | [Senin malam] TIME 2023-08-14TNI | "
               "[dua hari lagi] DATE 2023-08-17");
}

BOOST_AUTO_TEST_CASE(reference_overrides_the_dateline) {
    const std::string text = "Selasa, 18 Juni 2024\n\nWarga mulai mengungsi kemarin.\n";
    DocumentDates d = engine().analyze(text, kAnchor);
    BOOST_TEST(day_text(d.publication) == "2023-09-13");
    BOOST_TEST(!d.publication_from_dateline);
    BOOST_TEST_REQUIRE(d.mentions.size() == 2u, describe(d));
    BOOST_TEST(d.mentions[1].value == "2023-09-12");
}

BOOST_AUTO_TEST_CASE(no_dateline_leaves_relative_values_unanchored) {
    const std::string text =
        "Banjir rob kembali merendam permukiman nelayan sejak kemarin. Air diperkirakan surut pada 20 Agustus.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(!d.publication.has_value());
    BOOST_TEST(!d.publication_from_dateline);
    BOOST_TEST(describe(d) == "[kemarin] DATE XXXX-XX-XX | [20 Agustus] DATE XXXX-08-20");
    for (const auto& m : d.mentions) {
        BOOST_TEST(m.basis == DateBasis::unanchored);
        BOOST_TEST(!m.point);
    }
}

BOOST_AUTO_TEST_CASE(a_date_in_a_long_body_line_is_not_a_dateline) {
    const std::string text =
        "Warga mengenang peristiwa yang terjadi pada Jumat, 17 Agustus 1945 di Jakarta itu dengan upacara "
        "sederhana di lapangan desa kemarin.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(!d.publication.has_value());
    BOOST_TEST(describe(d) == "[Jumat, 17 Agustus 1945] DATE 1945-08-17 | [kemarin] DATE XXXX-XX-XX");
}

BOOST_AUTO_TEST_CASE(a_dateline_must_be_near_the_top) {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "Paragraf pengantar tanpa tanggal apa pun di dalamnya.\n";
    text += "Selasa, 18 Juni 2024\nKemarin hujan.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(!d.publication.has_value());
    BOOST_TEST(describe(d) == "[Selasa, 18 Juni 2024] DATE 2024-06-18 | [Kemarin] DATE XXXX-XX-XX");
}

// Page headers of several outlets: the timestamp line is the publication date even after
// a title that names another date, an "updated" line yields to the published one, and a
// clock set off by a comma or dash is a TIME of its own on the header's date.
BOOST_AUTO_TEST_CASE(timestamp_line_beats_a_dated_title) {
    const std::string text =
        "Setahun Tragedi 7 Oktober 2023\n"
        "Rabu, 20 Nov 2024 14:30 WIB\n"
        "Jakarta - Serangan udara kembali terjadi Selasa malam waktu setempat. Serangan serupa terjadi pekan lalu.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-11-20");
    BOOST_TEST(d.publication_from_dateline);
    BOOST_TEST(describe(d) ==
               "[Setahun] DURATION P1Y | [7 Oktober 2023] DATE 2023-10-07 | "
               "[Rabu, 20 Nov 2024 14:30 WIB] TIME 2024-11-20T14:30+07:00 | [Selasa malam] TIME 2024-11-19TNI | "
               "[pekan lalu] DATE 2024-W46");
}

BOOST_AUTO_TEST_CASE(updated_line_yields_to_the_published_one) {
    const std::string text =
        "Diperbarui 21 Nov 2024, 09:00 WIB\n"
        "Diterbitkan 20 Nov 2024, 14:30 WIB\n"
        "Liputan6.com, Jakarta - Menteri Luar Negeri bertemu mitranya kemarin. Pertemuan lanjutan digelar awal bulan "
        "depan.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-11-20");
    BOOST_TEST(describe(d) ==
               "[21 Nov 2024] DATE 2024-11-21 | [09:00 WIB] TIME 2024-11-21T09:00+07:00 | [20 Nov 2024] DATE 2024-11-20 | "
               "[14:30 WIB] TIME 2024-11-20T14:30+07:00 | [kemarin] DATE 2024-11-19 | [awal bulan depan] DATE 2024-12 START");
}

BOOST_AUTO_TEST_CASE(only_an_updated_line) {
    const std::string text = "Diperbarui Kamis, 21 November 2024 09:00 WIB\nHarga emas naik kemarin.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-11-21");
    BOOST_TEST(describe(d) == "[Kamis, 21 November 2024 09:00 WIB] TIME 2024-11-21T09:00+07:00 | [kemarin] DATE 2024-11-20");
}

BOOST_AUTO_TEST_CASE(kompas_numeric_header) {
    const std::string text =
        "Kompas.com - 20/11/2024, 14:30 WIB\n"
        "KOMPAS.com - Presiden tiba di Rio de Janeiro pada Senin (18/11/2024) untuk menghadiri KTT G20 2024 dan kembali "
        "ke Tanah Air lusa.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-11-20");
    BOOST_TEST(describe(d) ==
               "[20/11/2024] DATE 2024-11-20 | [14:30 WIB] TIME 2024-11-20T14:30+07:00 | [Senin (18/11/2024)] DATE "
               "2024-11-18 | [2024] DATE 2024 | [lusa] DATE 2024-11-22");
}

BOOST_AUTO_TEST_CASE(okezone_dash_and_jpnn_en_dash) {
    for (std::string dash : {"-", "\u2013"}) {
        const std::string text = "Harga Minyak Dunia Turun\nRabu, 20 November 2024 " + dash +
                                 " 14:30 WIB\nJAKARTA - Harga minyak mentah turun kemarin hingga akhir tahun.\n";
        DocumentDates d = engine().analyze(text, std::nullopt);
        BOOST_TEST(day_text(d.publication) == "2024-11-20");
        BOOST_TEST(describe(d) ==
                   "[Rabu, 20 November 2024] DATE 2024-11-20 | [14:30 WIB] TIME 2024-11-20T14:30+07:00 | [kemarin] DATE "
                   "2024-11-19 | [akhir tahun] DATE 2024 END");
    }
}

BOOST_AUTO_TEST_CASE(clock_without_zone_and_english_order) {
    const std::string cnbc =
        "News - Redaksi, CNBC Indonesia\n20 November 2024 14:30\n"
        "Jakarta, CNBC Indonesia - Bank sentral AS memangkas suku bunga bulan lalu.\n";
    DocumentDates d = engine().analyze(cnbc, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-11-20");
    BOOST_TEST(describe(d) == "[20 November 2024 14:30] TIME 2024-11-20T14:30 | [bulan lalu] DATE 2024-10");

    const std::string voa =
        "Pemilu AS: Trump Menang\nNovember 20, 2024 2:30 PM\n"
        "WASHINGTON - Donald Trump memenangkan pemilihan presiden dua pekan lalu.\n";
    d = engine().analyze(voa, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-11-20");
    BOOST_TEST(describe(d) == "[November 20, 2024 2:30 PM] TIME 2024-11-20T14:30 | [dua pekan lalu] DATE 2024-11-06");

    const std::string katadata = "20 November 2024, 14.30\nHarga batu bara turun kemarin.\n";
    d = engine().analyze(katadata, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-11-20");
    BOOST_TEST(describe(d) == "[20 November 2024] DATE 2024-11-20 | [14.30] TIME 2024-11-20T14:30 | [kemarin] DATE 2024-11-19");
}

BOOST_AUTO_TEST_CASE(byline_before_the_timestamp) {
    const std::string text =
        "Israel Serang Beirut Selatan\n"
        "Penulis: Ahmad Rizki | Editor: Dewi Lestari | Rabu, 20 November 2024 14:30 WIB\n"
        "Serangan terjadi kemarin.\n";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-11-20");
    BOOST_TEST(describe(d) == "[Rabu, 20 November 2024 14:30 WIB] TIME 2024-11-20T14:30+07:00 | [kemarin] DATE 2024-11-19");
    // a sentence with the same date is prose, not a header
    const std::string prose =
        "Ledakan terjadi di pusat kota. Warga lari ke - Rabu, 20 November 2024 14:30 WIB\nKemarin sepi.\n";
    d = engine().analyze(prose, std::nullopt);
    BOOST_TEST(!d.publication.has_value());
}

BOOST_AUTO_TEST_CASE(lead_sentence_of_an_outlet_without_a_domain) {
    const std::string antara =
        "Moskow (ANTARA) - Presiden Rusia akan berkunjung ke Korea Utara pada 18-19 Juni 2024, demikian diumumkan "
        "Kremlin pada Senin (17/6/2024). Kunjungan terakhir dilakukan 24 tahun lalu.\n";
    DocumentDates d = engine().analyze(antara, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-06-17");
    BOOST_TEST(describe(d) ==
               "[18-19 Juni 2024] DATE 2024-06-18/2024-06-19 | [Senin (17/6/2024)] DATE 2024-06-17 | [24 tahun lalu] DATE "
               "2000-06-17");
    const std::string cnn =
        "Iran Tembakkan Ratusan Rudal ke Israel\n\nJakarta, CNN Indonesia -- Iran melancarkan serangan rudal balistik ke "
        "Israel pada Selasa (1/10/2024) malam waktu setempat. Israel berjanji membalas pekan depan.\n";
    d = engine().analyze(cnn, std::nullopt);
    BOOST_TEST(day_text(d.publication) == "2024-10-01");
    BOOST_TEST(describe(d) == "[Selasa (1/10/2024) malam] TIME 2024-10-01TNI | [pekan depan] DATE 2024-W41");
}

BOOST_AUTO_TEST_CASE(separated_bare_number_in_prose_is_no_clock) {
    DocumentDates d = anchored("Sejak 20 November 2024, 12.30 persen saham dilepas ke publik.");
    BOOST_TEST(describe(d) == "[20 November 2024] DATE 2024-11-20");
    d = anchored("Pada 20 November 2024, 12.30 hingga 13.00 jalan ditutup.");
    BOOST_TEST(describe(d) == "[20 November 2024] DATE 2024-11-20");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(context_cues)

BOOST_AUTO_TEST_CASE(future_and_past_cues) {
    BOOST_TEST(at_anchor("Bendungan itu diresmikan Senin.") == "[Senin] DATE 2023-09-11");
    BOOST_TEST(at_anchor("Presiden akan meresmikan bendungan itu Senin.") == "[Senin] DATE 2023-09-18");
    BOOST_TEST(at_anchor("Bantuan tiba Kamis.") == "[Kamis] DATE 2023-09-14");
    BOOST_TEST(at_anchor("Bantuan sudah tiba Kamis.") == "[Kamis] DATE 2023-09-07");
}

// A cue inside a quotation does not set the tense of a time outside it (the reporting
// clause after the quote is the reporter's past), nor does the frame before a quote.
BOOST_AUTO_TEST_CASE(quotation_marks_bound_the_cue) {
    BOOST_TEST(at_anchor("\"Iran akan membayarnya,\" kata Netanyahu dalam rapat kabinet Selasa malam.") ==
               "[Selasa malam] TIME 2023-09-12TNI");
    BOOST_TEST(at_anchor("\u201cKami akan membalas,\u201d ujar juru bicara itu Selasa.") == "[Selasa] DATE 2023-09-12");
    // inside the quote the cue still counts
    BOOST_TEST(at_anchor("\"Kami akan menyerang Senin,\" kata komandan itu.") == "[Senin] DATE 2023-09-18");
}

BOOST_AUTO_TEST_CASE(past_cue_in_another_clause_does_not_count) {
    BOOST_TEST(at_anchor("Warga sudah mengungsi, lalu bantuan tiba Kamis.") == "[Kamis] DATE 2023-09-14");
}

BOOST_AUTO_TEST_CASE(future_cue_in_an_earlier_sentence_does_not_count) {
    BOOST_TEST(at_anchor("Pemerintah akan membantu. Bantuan tiba Senin.") == "[Senin] DATE 2023-09-11");
}

BOOST_AUTO_TEST_CASE(preposition_before_a_named_day) {
    BOOST_TEST(at_anchor("Pasar ramai saat Natal.") == "[Natal] DATE 2022-12-25");
    BOOST_TEST(at_anchor("Pasar ramai menjelang Natal.") == "[Natal] DATE 2023-12-25");
}

BOOST_AUTO_TEST_CASE(sentence_start_makes_minggu_a_week) {
    BOOST_TEST(at_anchor("Minggu lalu, harga beras naik.") == "[Minggu lalu] DATE 2023-W36");
    BOOST_TEST(at_anchor("Harga beras naik Minggu lalu.") == "[Minggu lalu] DATE 2023-09-10");
}

BOOST_AUTO_TEST_CASE(focus_follows_the_last_date) {
    BOOST_TEST(at_anchor("Gempa terjadi pada 2 Juni 2023. Sehari sebelumnya, warga merasakan getaran.") ==
               "[2 Juni 2023] DATE 2023-06-02 | [Sehari sebelumnya] DATE 2023-06-01");
}

// A clock time with no day of its own: a date written without a time lends its day only
// within its paragraph; a day written with a time, also to the paragraphs after it.
BOOST_AUTO_TEST_CASE(clock_time_takes_a_written_day_only_within_its_paragraph) {
    BOOST_TEST(at_anchor("Sidang ditunda hingga Selasa (19/9/2023).\nSidang dimulai pukul 09.00 WIB.") ==
               "[Selasa (19/9/2023)] DATE 2023-09-19 | [pukul 09.00 WIB] TIME 2023-09-13T09:00+07:00");
    BOOST_TEST(at_anchor("Sidang ditunda hingga Selasa (19/9/2023). Sidang dimulai pukul 09.00 WIB.") ==
               "[Selasa (19/9/2023)] DATE 2023-09-19 | [pukul 09.00 WIB] TIME 2023-09-19T09:00+07:00");
    BOOST_TEST(at_anchor("Banjir melanda Senin (11/9) dini hari.\n\nAir setinggi 1 meter pada pukul 05.00 WIB.") ==
               "[Senin (11/9) dini hari] TIME 2023-09-11TMO | [pukul 05.00 WIB] TIME 2023-09-11T05:00+07:00");
    // a weekday written with a time counts as well (`Selasa siang, pukul 13.20 WIT`)
    BOOST_TEST(at_anchor("Gempa terjadi Selasa siang, pukul 13.20 WIT.") ==
               "[Selasa siang] TIME 2023-09-12TMI | [pukul 13.20 WIT] TIME 2023-09-12T13:20+09:00");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(rejections)

BOOST_AUTO_TEST_CASE(age_is_not_a_duration) {
    BOOST_TEST(at_anchor("Warga yang berusia 70 tahun itu dirawat sejak Senin.") == "[Senin] DATE 2023-09-11");
    BOOST_TEST(at_anchor("Warga yang berusia di atas 60 tahun dirawat sejak Senin.") == "[Senin] DATE 2023-09-11");
    // the same number of years without an age word is a duration
    BOOST_TEST(at_anchor("Ia bekerja di pabrik itu selama 70 tahun.") == "[70 tahun] DURATION P70Y");
}

BOOST_AUTO_TEST_CASE(law_article_numbers) {
    BOOST_TEST(at_anchor("Menurut Pasal 12 ayat 3, izin usaha dicabut pada 1 Oktober 2023.") ==
               "[1 Oktober 2023] DATE 2023-10-01");
    BOOST_TEST(at_anchor("Surat nomor 2019 diterbitkan Senin.") == "[Senin] DATE 2023-09-11");
    BOOST_TEST(at_anchor("Surat itu diterbitkan pada 2019.") == "[2019] DATE 2019");
}

BOOST_AUTO_TEST_CASE(counts_are_not_years) {
    BOOST_TEST(at_anchor("Sebanyak 2.000 orang mengungsi sejak 3 Januari 2024.") ==
               "[3 Januari 2024] DATE 2024-01-03");
    BOOST_TEST(at_anchor("Sebanyak 2000 orang hadir pada 2022.") == "[2022] DATE 2022");
}

BOOST_AUTO_TEST_CASE(codes_and_phone_numbers) {
    BOOST_TEST(at_anchor("Pesawat QZ8501 jatuh pada 28 Desember 2014.") == "[28 Desember 2014] DATE 2014-12-28");
    BOOST_TEST(at_anchor("Hubungi 0812-2023-4455 pada Senin.") == "[Senin] DATE 2023-09-11");
}

BOOST_AUTO_TEST_CASE(place_names_with_weekdays) {
    BOOST_TEST(at_anchor("Banjir merendam Pasar Minggu dua hari lalu.") == "[dua hari lalu] DATE 2023-09-11");
    BOOST_TEST(at_anchor("Banjir surut pada Minggu.") == "[Minggu] DATE 2023-09-10");
}

BOOST_AUTO_TEST_CASE(dulu_as_first) {
    BOOST_TEST(at_anchor("Kami periksa dulu berkasnya sebelum 5 Oktober.") == "[5 Oktober] DATE 2023-10-05");
    BOOST_TEST(at_anchor("Sejak dulu warga menanam padi.") == "[dulu] DATE PAST_REF");
    BOOST_TEST(at_anchor("Dulu warga menanam padi.") == "[Dulu] DATE PAST_REF");
}

BOOST_AUTO_TEST_CASE(things_named_after_units) {
    BOOST_TEST(at_anchor("Ia membeli tiga jam tangan pada 2021.") == "[2021] DATE 2021");
    BOOST_TEST(at_anchor("Ia menunggu tiga jam.") == "[tiga jam] DURATION PT3H");
}

BOOST_AUTO_TEST_CASE(glued_to_a_hyphenated_word) {
    BOOST_TEST(at_anchor("Kebutuhan sehari-hari naik pada Agustus.") == "[Agustus] DATE 2023-08");
}

// publication_date() reads only the header, and must agree with analyze() on every page: with
// the dateline at the top, after a long header, straddling the header's end, or absent.
BOOST_AUTO_TEST_CASE(publication_date_agrees_with_analyze) {
    std::vector<std::string> pages = {
        "Harga Cabai Melonjak\nSelasa, 18 Juni 2024 11:00 WIB\n\nHarga naik sejak kemarin.\n",
        "Banjir Rob\n\nTEMPO.CO, Jakarta - Banjir merendam permukiman pada Selasa, 15 Agustus 2023. Air surut.\n",
        "Warga mengenang peristiwa pada Jumat, 17 Agustus 1945 di Jakarta itu dengan upacara kemarin.\n",
        "",
        // the first strong header date decides, whatever comes after it (the scan stops there)
        "Diperbarui 20 Nov 2024 15:00 WIB\nRabu, 19 Nov 2024 10:00 WIB\n\nRapat digelar kemarin.\n",
        "Tragedi 7 Oktober 2023\nSenin, 9 Oktober 2023\nSelasa, 10 Oktober 2023 08:00 WIB\n",
        "Penulis: Rahma | Editor: Andi | Rabu, 20 Nov 2024 14:30 WIB\nKamis, 21 Nov 2024\n",
        "Jumat, 18 Oktober 2013\n\nJAKARTA, KOMPAS.com - Alat itu dipasang Kamis (17/10/2013).\n",
    };
    // and whole pages: the marked-up articles of the date corpus, markup removed
    for (const auto& entry : std::filesystem::directory_iterator(std::string(LINIMASA_CORPUS_DIR) + "/articles")) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream in(entry.path());
        std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        page = page.substr(page.find('\n') + 1);  // the @dct line
        std::string plain;  // `{text|TYPE VALUE}`: the text stays, the label goes
        bool in_mark = false;
        for (std::size_t i = 0; i < page.size(); ++i) {
            if (page[i] == '{') {
                in_mark = true;
                continue;
            }
            if (in_mark && page[i] == '|') {
                i = page.find('}', i);
                in_mark = false;
                if (i == std::string::npos) break;
                continue;
            }
            plain += page[i];
        }
        pages.push_back(plain);
    }
    // a header of blank-free filler that puts a dateline, or `15 dan 16 Agustus 2023` (an
    // elided first day), right at the edge of what is read as the header
    for (std::size_t filler : {2950u, 2985u, 2995u, 3000u, 3005u}) {
        std::string head;
        while (head.size() < filler) head += "Iklan\n";
        head.resize(filler);
        pages.push_back(head + "\nSelasa, 18 Juni 2024 11:00 WIB\nKemarin hujan.\n");
        pages.push_back(head + " 15 dan 16 Agustus 2023\nRabu, 16 Agustus 2023\n");
        pages.push_back(head + "\nRabu, 16 Agustus 2023 10:00 WIB\n" + std::string(5000, 'x') + " 1 Mei 2020\n");
    }
    int with_dateline = 0;
    for (const std::string& page : pages) {
        std::optional<date::sys_days> whole = engine().analyze(page, std::nullopt).publication;
        BOOST_TEST(day_text(engine().publication_date(page)) == day_text(whole), page.substr(page.size() > 80 ? page.size() - 80 : 0));
        with_dateline += whole.has_value();
    }
    BOOST_TEST(with_dateline >= 14);  // the cases above are not all pages without a dateline
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(large_input)

BOOST_AUTO_TEST_CASE(five_megabyte_line_without_dates) {
    std::string text;
    while (text.size() < (5u << 20)) text += "para petani menanam padi di sawah yang luas dan hijau ";
    const std::size_t tail = text.size();
    text += "pada 15 Agustus 2023.";
    DocumentDates d = engine().analyze(text, std::nullopt);
    BOOST_TEST_REQUIRE(d.mentions.size() == 1u);
    BOOST_TEST(d.mentions[0].begin == tail + 5);
    BOOST_TEST(d.mentions[0].value == "2023-08-15");
    BOOST_TEST(!d.publication.has_value());  // a 5 MB line is no dateline
}

BOOST_AUTO_TEST_CASE(five_megabyte_line_of_near_misses) {
    // every piece is a candidate the grammar finds and a context check throws out
    std::string text;
    while (text.size() < (5u << 20)) text += "nomor 2019 di Pasar Minggu untuk 2000 orang berusia 70 tahun ";
    const std::size_t tail = text.size();
    text += "sejak kemarin.";
    DocumentDates d = engine().analyze(text, kAnchor);
    BOOST_TEST_REQUIRE(d.mentions.size() == 1u);
    BOOST_TEST(d.mentions[0].begin == tail + 6);
    BOOST_TEST(d.mentions[0].value == "2023-09-12");
}

BOOST_AUTO_TEST_SUITE_END()
