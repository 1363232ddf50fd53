// Unit tests for src/boilerplate: the shipped furniture rules and their examples, what a
// page loses and keeps, offsets, and the diagnostics of a broken rule file.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE boilerplate
#include <boost/test/unit_test.hpp>

#include <string>

#include "boilerplate/boilerplate.h"

using namespace linimasa;

namespace {

const std::string kRules = LINIMASA_SOURCE_RULES;

std::string all_messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags) out += d.str() + "\n";
    return out;
}

const Boilerplate& shipped() {
    static BoilerplateLoad load = Boilerplate::load(kRules);
    BOOST_TEST_REQUIRE(static_cast<bool>(load.boilerplate), all_messages(load.diagnostics));
    return *load.boilerplate;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// True when `part` of `page` survives masking unchanged (at its first occurrence).
bool kept(const std::string& page, const std::string& part) {
    std::size_t at = page.find(part);
    BOOST_TEST_REQUIRE(at != std::string::npos, "the test page lacks: " << part);
    return shipped().masked(page).compare(at, part.size(), part) == 0;
}

// True when every occurrence of `part` in `page` is blanked.
bool stripped(const std::string& page, const std::string& part) {
    BOOST_TEST_REQUIRE(contains(page, part), "the test page lacks: " << part);
    const std::string masked = shipped().masked(page);
    for (std::size_t at = page.find(part); at != std::string::npos; at = page.find(part, at + 1))
        if (masked.substr(at, part.size()).find_first_not_of(' ') != std::string::npos) return false;
    return true;
}

BoilerplateLoad parse(const std::string& yaml) {
    BoilerplateRulesLoad rules = parse_boilerplate_rules(yaml, "test.yaml");
    if (!rules.rules) return {nullptr, rules.diagnostics};
    return Boilerplate::from_rules(std::move(*rules.rules));
}

const Diagnostic* find_diag(const Diagnostics& diags, const std::string& needle) {
    for (const auto& d : diags)
        if (contains(d.message, needle)) return &d;
    return nullptr;
}

// A Tempo-style page written for this test: sign-in dialog, headline, credits, a dated photo
// caption, the article with ads in it, then a recommendation list with teasers.
const std::string kTempoPage =
    "Lupa Kata Sandi? Klik di Sini\n"
    "\n"
    "atau Masuk melalui\n"
    "\n"
    "Konfirmasi Email\n"
    "\n"
    "Tautan aktivasi sudah dikirim ke surel Anda.\n"
    "Kirimkan Lagi Sekarang\n"
    "\n"
    "Menteri Luar Negeri Bertemu Mitranya di Jakarta\n"
    "\n"
    "Reporter\n"
    "\n"
    "Rina Kurniasih\n"
    "\n"
    "Editor\n"
    "\n"
    "Agus Salim\n"
    "\n"
    "image-gnews\n"
    "Kedua menteri berjabat tangan di Gedung Pancasila, Jakarta, 3 Mei 2021. TEMPO/Andi\n"
    "Iklan\n"
    "\n"
    "TEMPO.CO, Jakarta - Menteri Luar Negeri menerima kunjungan mitranya pada Senin, 4 September 2023. "
    "Keduanya membahas kerja sama perikanan.\n"
    "\n"
    "Iklan\n"
    "Scroll Untuk Melanjutkan\n"
    "\n"
    "Pertemuan berikutnya dijadwalkan pada awal Desember 2023.\n"
    "\n"
    "REUTERS\n"
    "\n"
    "Pilihan Editor: Harga Gabah Naik 5 Persen pada Agustus 2023\n"
    "\n"
    "Rekomendasi Artikel\n"
    "\n"
    "Konten sponsor pada widget ini dibuat oleh mitra iklan, bukan oleh redaksi.\n"
    "\n"
    "Video Pilihan\n"
    "\n"
    "Pameran Buku Internasional Dibuka di Senayan\n"
    "\n"
    "6 jam lalu\n"
    "\n"
    "Pengunjung memadati pameran buku di Senayan, 1 September 2023. TEMPO/Dewi\n"
    "Pameran Buku Internasional Dibuka di Senayan\n"
    "\n"
    "Pameran yang digelar sejak 28 Agustus 2023 itu menghadirkan 300 penerbit.\n"
    "\n"
    "\n"
    "Festival Kopi Nusantara Digelar Akhir Pekan Ini\n"
    "\n"
    "2 hari lalu\n"
    "\n"
    "Festival Kopi Nusantara Digelar Akhir Pekan Ini\n"
    "\n"
    "Festival tahunan itu pertama kali diadakan pada 12 Oktober 2015 di Bandung.\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(shipped_rules)

BOOST_AUTO_TEST_CASE(load_clean) {
    BoilerplateLoad load = Boilerplate::load(kRules);
    BOOST_TEST(load.diagnostics.empty(), all_messages(load.diagnostics));
    BOOST_TEST_REQUIRE(static_cast<bool>(load.boilerplate));
    BOOST_TEST(load.boilerplate->rules().rules.size() >= 15u);
}

BOOST_AUTO_TEST_CASE(every_example_and_not_example_holds) {
    Diagnostics problems = shipped().check_examples();
    BOOST_TEST(problems.empty(), all_messages(problems));
}

BOOST_AUTO_TEST_CASE(every_rule_has_examples_and_not_examples) {
    for (const FurnitureRule& rule : shipped().rules().rules) {
        BOOST_TEST(!rule.examples.empty(), rule.id);
        BOOST_TEST(!rule.not_examples.empty(), rule.id);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tempo_page)

BOOST_AUTO_TEST_CASE(sign_in_dialog_is_stripped) {
    BOOST_TEST(stripped(kTempoPage, "Lupa Kata Sandi? Klik di Sini"));
    BOOST_TEST(stripped(kTempoPage, "Tautan aktivasi sudah dikirim ke surel Anda."));
    BOOST_TEST(stripped(kTempoPage, "Kirimkan Lagi Sekarang"));
}

BOOST_AUTO_TEST_CASE(headline_credits_and_caption) {
    BOOST_TEST(kept(kTempoPage, "Menteri Luar Negeri Bertemu Mitranya di Jakarta"));
    BOOST_TEST(stripped(kTempoPage, "Reporter"));
    BOOST_TEST(stripped(kTempoPage, "Rina Kurniasih"));
    BOOST_TEST(stripped(kTempoPage, "Agus Salim"));
    BOOST_TEST(stripped(kTempoPage, "image-gnews"));
    // The photo caption is article content, and its date matters.
    BOOST_TEST(kept(kTempoPage, "Kedua menteri berjabat tangan di Gedung Pancasila, Jakarta, 3 Mei 2021. TEMPO/Andi"));
}

BOOST_AUTO_TEST_CASE(ads_inside_the_article) {
    BOOST_TEST(stripped(kTempoPage, "Iklan"));
    BOOST_TEST(stripped(kTempoPage, "Scroll Untuk Melanjutkan"));
    BOOST_TEST(stripped(kTempoPage, "REUTERS"));
    BOOST_TEST(kept(kTempoPage, "TEMPO.CO, Jakarta - Menteri Luar Negeri menerima kunjungan mitranya pada Senin, 4 September 2023."));
    BOOST_TEST(kept(kTempoPage, "Pertemuan berikutnya dijadwalkan pada awal Desember 2023."));
}

BOOST_AUTO_TEST_CASE(editors_pick_and_its_date) {
    BOOST_TEST(stripped(kTempoPage, "Pilihan Editor: Harga Gabah Naik 5 Persen pada Agustus 2023"));
}

BOOST_AUTO_TEST_CASE(recommendation_list_to_the_end_of_the_page) {
    for (const char* part : {"Rekomendasi Artikel", "Konten sponsor pada widget ini", "Video Pilihan",
                             "Pameran Buku Internasional Dibuka di Senayan", "6 jam lalu",
                             "Pengunjung memadati pameran buku di Senayan, 1 September 2023.",
                             "Pameran yang digelar sejak 28 Agustus 2023 itu menghadirkan 300 penerbit.",
                             "2 hari lalu", "Festival tahunan itu pertama kali diadakan pada 12 Oktober 2015 di Bandung."})
        BOOST_TEST(stripped(kTempoPage, part), part);
}

BOOST_AUTO_TEST_CASE(masking_keeps_every_offset) {
    const std::string masked = shipped().masked(kTempoPage);
    BOOST_TEST_REQUIRE(masked.size() == kTempoPage.size());
    for (std::size_t i = 0; i < masked.size(); ++i) {
        if (kTempoPage[i] == '\n') BOOST_TEST_REQUIRE(masked[i] == '\n');
        else BOOST_TEST_REQUIRE((masked[i] == kTempoPage[i] || masked[i] == ' '));
    }
}

BOOST_AUTO_TEST_CASE(ranges_are_sorted_disjoint_and_within_lines) {
    std::vector<TextRange> ranges = shipped().furniture(kTempoPage);
    BOOST_TEST_REQUIRE(!ranges.empty());
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        BOOST_TEST(ranges[i].begin < ranges[i].end);
        BOOST_TEST(ranges[i].end <= kTempoPage.size());
        if (i > 0) BOOST_TEST(ranges[i - 1].end < ranges[i].begin);
        BOOST_TEST(kTempoPage.substr(ranges[i].begin, ranges[i].end - ranges[i].begin).find('\n') == std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(other_sites)

BOOST_AUTO_TEST_CASE(suara_read_also_and_related_lists) {
    const std::string page =
        "SuaraBatam.id - Pelabuhan Batam kembali ramai setelah cuaca membaik pada 2 Maret 2024.\n"
        "Baca Juga: Harga Tiket Kapal ke Singapura Naik Mulai 1 April\n"
        "Sebanyak 12 kapal berangkat pagi ini.\n"
        "Berita Terkait\n"
        "-\n"
        "Dermaga Baru Diresmikan pada 5 Januari 2024\n"
        "-\n"
        "Nelayan Keluhkan Solar Langka\n"
        "Terpopuler\n"
        "- Tim Futsal Batam Menang 4-2 di Final\n"
        "- Warga Berusia 101 Tahun Ikut Mencoblos\n"
        "Terkini\n"
        "-\n"
        "Jalan Lingkar Ditutup Sementara\n";
    BOOST_TEST(kept(page, "SuaraBatam.id - Pelabuhan Batam kembali ramai setelah cuaca membaik pada 2 Maret 2024."));
    BOOST_TEST(stripped(page, "Baca Juga: Harga Tiket Kapal ke Singapura Naik Mulai 1 April"));
    BOOST_TEST(kept(page, "Sebanyak 12 kapal berangkat pagi ini."));
    BOOST_TEST(stripped(page, "Dermaga Baru Diresmikan pada 5 Januari 2024"));
    BOOST_TEST(stripped(page, "Warga Berusia 101 Tahun Ikut Mencoblos"));
    BOOST_TEST(stripped(page, "Jalan Lingkar Ditutup Sementara"));
}

BOOST_AUTO_TEST_CASE(republika_cnn_antara_kompas_furniture) {
    const std::string page =
        "Rep: Sinta Dewi/ Red: Yoga Prasetyo\r\n"
        "Foto: AP/Budi Hartono\r\n"
        "Bagikan :\r\n"
        "Jakarta, CNN Indonesia --\r\n"
        "Presiden membuka pameran pada Rabu (13/9/2023). Pameran berlangsung tiga hari.\r\n"
        "ADVERTISEMENT\r\n"
        "SCROLL TO CONTINUE WITH CONTENT\r\n"
        "Baca Juga\r\n"
        "Lihat Juga :\r\n"
        "Pameran Serupa Digelar di Surabaya pada 1 Oktober\r\n"
        "Pengunjung diperkirakan mencapai 20 ribu orang per hari.\r\n"
        "(abc/def)\r\n"
        "[Gambas:Video CNN]\r\n"
        "Pewarta: Nur Hidayah\r\n"
        "Copyright © ANTARA 2023\r\n"
        "Berita Lainnya\r\n"
        "Advertisement\r\n"
        "Terpopuler\r\n"
        "1. Harga Minyak Turun ke Level Terendah Sejak Juni\r\n"
        "3 jam lalu\r\n";
    for (const char* part : {"Rep: Sinta Dewi/ Red: Yoga Prasetyo", "Foto: AP/Budi Hartono", "Bagikan :",
                             "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Baca Juga", "Lihat Juga :",
                             "Pameran Serupa Digelar di Surabaya pada 1 Oktober", "(abc/def)", "[Gambas:Video CNN]",
                             "Pewarta: Nur Hidayah", "Copyright © ANTARA 2023", "Berita Lainnya", "Advertisement",
                             "1. Harga Minyak Turun ke Level Terendah Sejak Juni", "3 jam lalu"})
        BOOST_TEST(stripped(page, part), part);
    BOOST_TEST(kept(page, "Jakarta, CNN Indonesia --"));
    BOOST_TEST(kept(page, "Presiden membuka pameran pada Rabu (13/9/2023). Pameran berlangsung tiga hari.\r"));
    BOOST_TEST(kept(page, "Pengunjung diperkirakan mencapai 20 ribu orang per hari.\r"));
}

BOOST_AUTO_TEST_CASE(prose_after_a_list_is_kept) {
    const std::string page =
        "Berita Terkait\n"
        "Gudang Logistik Terbakar di Cakung\n"
        "2 jam lalu\n"
        "Polisi masih menyelidiki penyebab kebakaran yang terjadi pada Selasa (12/9/2023) dini hari.\n"
        "Kerugian ditaksir mencapai Rp 2 miliar.\n"
        "Pemilik gudang belum bisa dihubungi.\n"
        "Petugas pemadam tiba dua puluh menit kemudian.\n"
        "Api padam sekitar pukul 05.00 WIB.\n";
    BOOST_TEST(stripped(page, "Gudang Logistik Terbakar di Cakung"));
    BOOST_TEST(kept(page, "Polisi masih menyelidiki penyebab kebakaran yang terjadi pada Selasa (12/9/2023) dini hari."));
    BOOST_TEST(kept(page, "Api padam sekitar pukul 05.00 WIB."));
}

BOOST_AUTO_TEST_CASE(a_heading_word_inside_prose_is_not_furniture) {
    const std::string page = "Berita terkait kebakaran itu terus diperbarui sejak Selasa.\nIklan rokok dibatasi.\n";
    BOOST_TEST(shipped().furniture(page).empty());
}

BOOST_AUTO_TEST_CASE(empty_text) {
    BOOST_TEST(shipped().furniture("").empty());
    BOOST_TEST(shipped().masked("").empty());
}

BOOST_AUTO_TEST_CASE(long_page_is_linear) {
    std::string page;
    for (int i = 0; i < 20000; ++i) page += "Berita Terkait\nJudul Berita Nomor Sekian\n6 jam lalu\nIsi berita biasa yang panjang.\n";
    std::vector<TextRange> ranges = shipped().furniture(page);
    BOOST_TEST(ranges.size() >= 20000u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(broken_rules)

BOOST_AUTO_TEST_CASE(unknown_section_with_hint) {
    BoilerplateLoad load = parse("lines: []\nblokcs: []\n");
    BOOST_TEST(!load.boilerplate);
    const Diagnostic* d = find_diag(load.diagnostics, "unknown section 'blokcs'");
    BOOST_TEST_REQUIRE(d != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(contains(d->message, "did you mean 'blocks'?"));
    BOOST_TEST(d->line == 2);
    BOOST_TEST(d->column == 1);
}

BOOST_AUTO_TEST_CASE(unknown_rule_key_with_hint) {
    BoilerplateLoad load = parse("lines:\n  - id: ad\n    patern: 'iklan'\n    examples: [Iklan]\n    not: [x y]\n");
    const Diagnostic* d = find_diag(load.diagnostics, "unknown key 'patern'");
    BOOST_TEST_REQUIRE(d != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(contains(d->message, "did you mean 'pattern'?"));
    BOOST_TEST(d->str() == "test.yaml:3:5: error: unknown key 'patern' (did you mean 'pattern'?)");
}

BOOST_AUTO_TEST_CASE(invalid_pattern_names_its_place) {
    BoilerplateLoad load = parse("inline:\n  - id: bad\n    pattern: 'baca (juga'\n    examples: [x]\n    not: [y]\n");
    const Diagnostic* d = find_diag(load.diagnostics, "invalid pattern");
    BOOST_TEST_REQUIRE(d != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(d->line == 3);
    BOOST_TEST(d->column >= 14);
    BOOST_TEST(contains(d->message, "missing )"));
}

BOOST_AUTO_TEST_CASE(rules_need_examples_and_not_examples) {
    BoilerplateLoad load = parse("lines:\n  - id: ad\n    pattern: 'iklan'\n    examples: [Iklan]\n");
    BOOST_TEST(find_diag(load.diagnostics, "missing key 'not'") != nullptr, all_messages(load.diagnostics));
}

BOOST_AUTO_TEST_CASE(block_with_end_and_items) {
    BoilerplateLoad load = parse(
        "blocks:\n  - id: b\n    start: 'x'\n    end: 'y'\n    items: 'z'\n    examples: [x]\n    not: [q]\n");
    BOOST_TEST(find_diag(load.diagnostics, "either 'end' or 'items'") != nullptr, all_messages(load.diagnostics));
}

BOOST_AUTO_TEST_CASE(duplicate_ids) {
    BoilerplateLoad load = parse(
        "lines:\n  - {id: a, pattern: 'iklan', examples: [Iklan], not: [b]}\n"
        "  - {id: a, pattern: 'adv', examples: [adv], not: [b]}\n");
    const Diagnostic* d = find_diag(load.diagnostics, "duplicate rule id 'a'");
    BOOST_TEST_REQUIRE(d != nullptr, all_messages(load.diagnostics));
    BOOST_TEST(d->line == 3);
}

BOOST_AUTO_TEST_CASE(yaml_syntax_error) {
    BoilerplateLoad load = parse("lines: [\n");
    BOOST_TEST(!load.boilerplate);
    BOOST_TEST_REQUIRE(!load.diagnostics.empty());
    BOOST_TEST(load.diagnostics[0].file == "test.yaml");
}

BOOST_AUTO_TEST_CASE(missing_file) {
    BoilerplateLoad load = Boilerplate::load("/nonexistent-rules-dir");
    BOOST_TEST(!load.boilerplate);
    BOOST_TEST_REQUIRE(load.diagnostics.size() == 1u);
    BOOST_TEST(contains(load.diagnostics[0].file, "boilerplate.yaml"));
}

BOOST_AUTO_TEST_CASE(failing_examples_are_reported_where_written) {
    BoilerplateLoad load = parse(
        "lines:\n"
        "  - id: ad\n"
        "    pattern: 'iklan'\n"
        "    examples: ['Iklan', 'Iklan baris']\n"
        "    not: ['Iklan']\n");
    BOOST_TEST_REQUIRE(static_cast<bool>(load.boilerplate), all_messages(load.diagnostics));
    Diagnostics problems = load.boilerplate->check_examples();
    const Diagnostic* missed = find_diag(problems, "does not apply to its example 'Iklan baris'");
    BOOST_TEST_REQUIRE(missed != nullptr, all_messages(problems));
    BOOST_TEST(missed->line == 4);
    BOOST_TEST(missed->column == 26);
    const Diagnostic* lost = find_diag(problems, "not-example of 'ad' loses 'Iklan'");
    BOOST_TEST_REQUIRE(lost != nullptr, all_messages(problems));
    BOOST_TEST(lost->line == 5);
}

BOOST_AUTO_TEST_CASE(keep_must_be_part_of_the_text) {
    BoilerplateLoad load = parse(
        "inline:\n  - id: r\n    pattern: 'baca:'\n    examples: [{text: 'a. baca: b', keep: ['zzz']}]\n    not: [c]\n");
    BOOST_TEST(find_diag(load.diagnostics, "'zzz' is not part of the example's text") != nullptr,
               all_messages(load.diagnostics));
}

BOOST_AUTO_TEST_SUITE_END()
