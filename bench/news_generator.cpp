// The synthetic news archive with events (see news_generator.h): vocabulary, templates and
// the writer that assembles one article.
#include "news_generator.h"

#include <date/date.h>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <tuple>
#include <string_view>

#include "rng.h"

namespace linimasa::bench {

namespace {

// Changing the seed, a template or a word list changes every article: figures are only
// comparable between runs of the same generator.
constexpr std::uint64_t kNewsSeed = 0x6265726974612121;  // "berita!!"

// --- vocabulary ---------------------------------------------------------------------------

struct Person {
    std::string_view full;   // first mention, with the office
    std::string_view short_; // later mentions
};

constexpr Person kPeople[] = {
    {"Presiden Rusia Vladimir Putin", "Putin"},
    {"pemimpin Korea Utara Kim Jong Un", "Kim Jong Un"},
    {"Presiden Amerika Serikat Joe Biden", "Biden"},
    {"Presiden China Xi Jinping", "Xi Jinping"},
    {"Presiden Joko Widodo", "Jokowi"},
    {"Presiden Prabowo Subianto", "Prabowo"},
    {"Presiden Ukraina Volodymyr Zelenskyy", "Zelenskyy"},
    {"Perdana Menteri Jepang Fumio Kishida", "Kishida"},
    {"Presiden Korea Selatan Yoon Suk Yeol", "Yoon Suk Yeol"},
    {"Menteri Luar Negeri Rusia Sergei Lavrov", "Lavrov"},
    {"Menteri Luar Negeri AS Antony Blinken", "Blinken"},
    {"Perdana Menteri India Narendra Modi", "Modi"},
    {"Presiden Prancis Emmanuel Macron", "Macron"},
    {"Kanselir Jerman Olaf Scholz", "Scholz"},
    {"Presiden Turki Recep Tayyip Erdogan", "Erdogan"},
    {"Menteri Luar Negeri Retno Marsudi", "Retno Marsudi"},
    {"Sekretaris Jenderal PBB Antonio Guterres", "Guterres"},
    {"Menteri Luar Negeri China Wang Yi", "Wang Yi"},
    {"juru bicara Kremlin Dmitry Peskov", "Peskov"},
    {"Perdana Menteri Malaysia Anwar Ibrahim", "Anwar Ibrahim"},
    {"mantan Presiden AS Donald Trump", "Trump"},
    {"Presiden Korea Selatan Moon Jae-in", "Moon Jae-in"},
    {"Menteri Luar Negeri Korea Utara Choe Son Hui", "Choe Son Hui"},
    {"Kim Yo Jong, adik pemimpin Korea Utara", "Kim Yo Jong"},
    {"Perdana Menteri Jepang Shinzo Abe", "Abe"},
    {"Menteri Pertahanan AS Lloyd Austin", "Austin"},
};

constexpr std::string_view kCountries[] = {
    "Rusia",  "Korea Utara", "China",   "Jepang",    "Korea Selatan", "Amerika Serikat", "Ukraina",
    "Iran",   "Indonesia",   "Prancis", "Jerman",    "Inggris",       "Turki",           "India",
    "Australia", "Arab Saudi", "Malaysia", "Singapura", "Vietnam",    "Filipina",
};

constexpr std::string_view kPlaces[] = {
    "Pyongyang", "Moskow",   "Vladivostok", "Beijing",   "Tokyo",     "Seoul",  "Washington", "Jakarta",
    "Bali",      "Kosmodrom Vostochny", "Camp David", "New Delhi", "Istanbul", "Kuala Lumpur", "Hanoi",
    "Jenewa",    "Kyiv",     "Singapura",   "Labuan Bajo", "Istana Merdeka",
};

constexpr std::string_view kSeas[] = {"Laut Jepang", "Laut Timur", "Laut Kuning", "perairan Semenanjung Korea"};

constexpr std::string_view kTopics[] = {
    "kerja sama pertahanan", "keamanan kawasan",     "perdagangan bilateral", "transisi energi",
    "krisis pangan",         "perang di Ukraina",    "program nuklir",        "investasi infrastruktur",
    "pertukaran pelajar",    "kerja sama antariksa", "perubahan iklim",       "rantai pasok semikonduktor",
};

constexpr std::string_view kOccasions[] = {"hari ulang tahun", "hari kemerdekaan negaranya",
                                           "kemenangan dalam pemilu", "hari nasional", "Tahun Baru"};

constexpr std::string_view kMonths[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                        "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
constexpr std::string_view kMonthsShort[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                                             "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
constexpr std::string_view kWeekdays[] = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};

constexpr std::string_view kNumberWords[] = {"dua", "tiga", "lima", "sepuluh"};
constexpr std::string_view kPartsOfMonth[] = {"awal", "pertengahan", "akhir"};

constexpr std::string_view kReporters[] = {"Sekar Ayuningtyas", "Bagus Wicaksono", "Dian Rahmawati", "Fikri Arigi",
                                           "Rizki Maulana",     "Putri Anggraini", "Yudono Yanuar",  "Ida Rosdalina"};

// --- templates ----------------------------------------------------------------------------
// {a} / {b}: two different people (full name the first time, short name after); {A}/{B}: the
// same, capitalised; {c}/{c2}: countries; {date}: any date; {past}/{future}: a date before or
// after the publication day; other slots are vocabulary.

constexpr std::string_view kEventSentences[] = {
    "{A} bertemu {b} di {place} {past}.",
    "{A} dan {b} bertemu di {place} {past} untuk membahas {topic}.",
    "{A} mengunjungi {c} {past} dan disambut langsung oleh {b}.",
    "{A} dijadwalkan berkunjung ke {place} {future}.",
    "{A} akan melawat ke {c} {future} atas undangan {b}.",
    "{A} dan {b} menandatangani perjanjian {topic} di {place} {past}.",
    "Kedua negara menandatangani nota kesepahaman tentang {topic} {past}.",
    "{A} dan {b} saling bertukar surat {past}, menurut kantor berita KCNA.",
    "{A} mengirim surat kepada {b} {past} untuk mengucapkan selamat atas {occasion}.",
    "{C} meluncurkan rudal balistik ke arah {sea} {past}, kata militer {c2}.",
    "Militer {c} menembakkan dua rudal jarak pendek {past}.",
    "{C} menjatuhkan sanksi baru terhadap {c2} {past}.",
    "{A} berbicara melalui telepon dengan {b} {past}.",
    "{A} mengundang {b} untuk berkunjung ke {c} {future}.",
    "{A} menerima undangan {b} untuk datang ke {place}.",
    "Juru bicara Kremlin membantah bahwa {a} akan bertemu {b} {future}.",
    "{C} dan {c2} menggelar latihan militer gabungan {past}.",
    "{A} tiba di {place} {past} dengan kereta lapis baja.",
    "{A} mengecam uji coba rudal yang dilakukan {c} {past}.",
    "{A} mengumumkan paket bantuan militer untuk {c} {past}.",
    "KTT kedua pemimpin berlangsung di {place} pada {range}.",
    "{Date}, {a} dan {b} sepakat memperkuat {topic}.",
    "{A} memperingatkan {c} agar tidak melanggar sanksi PBB, {past}.",
    "{A} dilantik sebagai presiden {past} di gedung parlemen.",
};

// Body sentences without events; dates and look-alikes (money, percentages, counts) as noise.
constexpr std::string_view kPlainSentences[] = {
    "Pemerintah belum memberikan tanggapan resmi atas laporan tersebut.",
    "Nilai kerja sama itu ditaksir mencapai Rp {n} triliun atau sekitar US$ {n} miliar.",
    "Sebanyak {n} orang dilaporkan mengikuti kegiatan itu.",
    "Para analis menilai langkah itu sebagai sinyal politik yang kuat kepada {c}.",
    "“Kami berharap hubungan kedua negara semakin erat,” kata {b}.",
    "Menurut data terakhir, ekspor {c} ke {c2} naik {n},{n} persen dibandingkan tahun lalu.",
    "Situasi di perbatasan disebut kondusif oleh aparat setempat.",
    "Dalam {num} tahun terakhir, volume perdagangan kedua negara terus meningkat.",
    "Rombongan {b} terdiri atas {n} pejabat dan sejumlah pengusaha.",
    "Para pengamat menilai kebijakan tersebut belum menyentuh akar persoalan di kawasan.",
    "Harga minyak mentah dunia turun {n},{n} persen pada perdagangan {past}.",
    "Pertemuan berikutnya diperkirakan berlangsung awal {month} {year}.",
    "Isu tersebut menjadi sorotan publik setelah video pertemuan itu ditonton jutaan kali di media sosial.",
    "Kedua delegasi kemudian melanjutkan pembicaraan secara tertutup tanpa didampingi wartawan.",
};

constexpr std::string_view kHeadlines[] = {
    "{A} Bertemu {B} di {Place}",           "{C} Tembakkan Rudal ke {Sea}",
    "{A} Kirim Surat untuk {B}",            "{C} dan {C2} Teken Perjanjian Baru",
    "Kremlin Bantah Rencana Pertemuan {A}", "{A} Dijadwalkan ke {Place} Pekan Depan",
    "{n} Fakta Kunjungan {A} ke {C}",        "Harga Beras Naik {n} Persen",
};

constexpr std::string_view kLeads[] = {
    "TEMPO.CO, Jakarta - ",   "REPUBLIKA.CO.ID, JAKARTA -- ", "Jakarta, CNN Indonesia -- ",
    "Jakarta (ANTARA) - ",    "KOMPAS.com - ",                "Liputan6.com, Jakarta - ",
    "SUARAMALANG.ID - ",      "Moskow (ANTARA) - ",           "",
};

constexpr std::string_view kFurniture[] = {
    "Iklan", "Iklan\nScroll Untuk Melanjutkan", "Baca Juga: {headline}", "Lihat Juga : {headline}",
    "ADVERTISEMENT\n\nSCROLL TO CONTINUE WITH CONTENT", "Advertisement", "Pilihan Editor: {headline}",
};

struct Day {
    int year;
    unsigned month, day, weekday;  // weekday: ISO, Monday = 1
};

Day split(date::sys_days d) {
    date::year_month_day ymd{d};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
            date::weekday{d}.iso_encoding()};
}

void capitalize(std::string& s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
}

class NewsWriter {
public:
    explicit NewsWriter(std::uint64_t index)
        : rng_(kNewsSeed ^ (index * 0x9e3779b97f4a7c15ULL)),
          published_(date::sys_days{date::year{2014} / 1 / 1} + date::days{static_cast<int>(rng_.below(4200))}) {
        cast();
    }

    std::string write();
    date::sys_days published() const { return published_; }

private:
    // A new pair of people and countries for the next story.
    void cast() {
        a_ = rng_.below(std::size(kPeople));
        b_ = (a_ + 1 + rng_.below(std::size(kPeople) - 1)) % std::size(kPeople);
        c_ = rng_.below(std::size(kCountries));
        c2_ = (c_ + 1 + rng_.below(std::size(kCountries) - 1)) % std::size(kCountries);
        a_named_ = b_named_ = false;
    }
    std::string person(std::size_t who, bool& named) {
        std::string_view text = named ? kPeople[who].short_ : kPeople[who].full;
        named = true;
        return std::string(text);
    }
    std::string expand(std::string_view tmpl);
    std::string slot(const std::string& name);
    std::string day_text(date::sys_days d);
    std::string past();
    std::string future();
    std::string date_line();

    Rng rng_;
    date::sys_days published_;
    std::size_t a_ = 0, b_ = 1, c_ = 0, c2_ = 1;
    bool a_named_ = false, b_named_ = false;
};

std::string NewsWriter::expand(std::string_view tmpl) {
    std::string out;
    std::size_t i = 0;
    while (i < tmpl.size()) {
        if (tmpl[i] != '{') {
            out += tmpl[i++];
            continue;
        }
        std::size_t close = tmpl.find('}', i);
        if (close == std::string_view::npos) throw std::logic_error("unclosed slot in a news template");
        std::string name(tmpl.substr(i + 1, close - i - 1));
        bool cap = name[0] >= 'A' && name[0] <= 'Z';
        if (cap) name[0] = static_cast<char>(name[0] - 'A' + 'a');
        std::string value = slot(name);
        if (cap) capitalize(value);
        out += value;
        i = close + 1;
    }
    return out;
}

std::string NewsWriter::slot(const std::string& name) {
    if (name == "a") return person(a_, a_named_);
    if (name == "b") return person(b_, b_named_);
    if (name == "c") return std::string(kCountries[c_]);
    if (name == "c2") return std::string(kCountries[c2_]);
    if (name == "place") return std::string(rng_.pick(kPlaces));
    if (name == "sea") return std::string(rng_.pick(kSeas));
    if (name == "topic") return std::string(rng_.pick(kTopics));
    if (name == "occasion") return std::string(rng_.pick(kOccasions));
    if (name == "n") return std::to_string(rng_.between(2, 950));
    if (name == "num") return std::string(rng_.pick(kNumberWords));
    if (name == "month") return std::string(rng_.pick(kMonths));
    if (name == "year") return std::to_string(split(published_).year + 1);
    if (name == "past") return past();
    if (name == "future") return future();
    if (name == "date") return rng_.percent(70) ? past() : future();
    if (name == "range") {
        Day d = split(published_ - date::days{rng_.between(1, 20)});
        unsigned last = d.day < 28 ? d.day + 1 : d.day;
        return fmt::format("{}-{} {} {}", d.day, last, kMonths[d.month - 1], d.year);
    }
    if (name == "headline") {
        auto saved = std::tuple(a_, b_, c_, c2_, a_named_, b_named_);
        cast();
        a_named_ = b_named_ = true;  // headlines use short names
        std::string text = expand(rng_.pick(kHeadlines));
        std::tie(a_, b_, c_, c2_, a_named_, b_named_) = saved;
        return text;
    }
    throw std::logic_error("unknown news template slot {" + name + "}");
}

// A day written one of the ways news writes it.
std::string NewsWriter::day_text(date::sys_days d) {
    Day x = split(d);
    std::string_view wd = kWeekdays[x.weekday - 1], month = kMonths[x.month - 1];
    switch (rng_.below(7)) {
        case 0: return fmt::format("pada {}, {} {} {}", wd, x.day, month, x.year);
        case 1: return fmt::format("pada {} ({}/{}/{})", wd, x.day, x.month, x.year);
        case 2: return fmt::format("pada {} {} {}", x.day, month, x.year);
        case 3: return fmt::format("pada {} ({}/{})", wd, x.day, x.month);
        case 4: return fmt::format("pada {}", wd);
        case 5: return fmt::format("tanggal {} {}", x.day, month);
        default: return fmt::format("pada {} {}", x.day, month);
    }
}

std::string NewsWriter::past() {
    switch (rng_.below(10)) {
        case 0: return "kemarin";
        case 1: return "pekan lalu";
        case 2: return fmt::format("{} lalu", kWeekdays[split(published_ - date::days{2}).weekday - 1]);
        case 3: return "bulan lalu";
        case 4: {
            Day d = split(published_ - date::days{rng_.between(40, 900)});
            return fmt::format("pada {} {}", kMonths[d.month - 1], d.year);
        }
        default: return day_text(published_ - date::days{rng_.between(0, 6)});
    }
}

std::string NewsWriter::future() {
    switch (rng_.below(7)) {
        case 0: return "pekan depan";
        case 1: return "bulan depan";
        case 2: return "besok";
        case 3: {
            Day d = split(published_ + date::days{rng_.between(20, 200)});
            return fmt::format("{} {} {}", rng_.pick(kPartsOfMonth),
                               kMonths[d.month - 1], d.year);
        }
        default: return day_text(published_ + date::days{rng_.between(1, 30)});
    }
}

// The header line with the publication date, in one of several sites' styles ("" for none:
// the lead's date then anchors the article, or nothing does).
std::string NewsWriter::date_line() {
    Day d = split(published_);
    std::string_view wd = kWeekdays[d.weekday - 1];
    int hh = rng_.between(5, 23), mm = static_cast<int>(rng_.below(60));
    switch (rng_.below(6)) {
        case 0: return "";
        case 1: return fmt::format("{}, {} {} {}", wd, d.day, kMonths[d.month - 1], d.year);
        case 2: return fmt::format("{}, {} {} {} {:02}:{:02} WIB", wd, d.day, kMonths[d.month - 1], d.year, hh, mm);
        case 3: return fmt::format("{}, {} {} {} | {:02}:{:02} WIB", wd, d.day, kMonthsShort[d.month - 1], d.year, hh, mm);
        default: return fmt::format("{:02}/{:02}/{}, {:02}:{:02} WIB", d.day, d.month, d.year, hh, mm);
    }
}

std::string NewsWriter::write() {
    std::string out;
    const std::size_t target = 2000 + rng_.below(4001);
    if (rng_.percent(25)) out += "Lupa Kata Sandi? Klik di Sini\n\natau Masuk melalui\n\n";
    out += expand(rng_.pick(kHeadlines)) + "\n\n";
    if (rng_.percent(40)) out += fmt::format("Reporter\n\n{}\n\nEditor\n\n{}\n\n", rng_.pick(kReporters), rng_.pick(kReporters));
    if (std::string line = date_line(); !line.empty()) out += line + "\n\n";
    if (rng_.percent(35))
        out += expand("{A} tiba di {place}. Foto: ANTARA/") + std::string(rng_.pick(kReporters)) + "\n\n";

    out += std::string(rng_.pick(kLeads)) + expand(rng_.pick(kEventSentences)) + " " +
           expand(rng_.pick(kPlainSentences)) + "\n\n";
    while (out.size() + 200 < target) {
        if (rng_.percent(15)) cast();  // another story in the same article
        int sentences = rng_.between(1, 4);
        for (int s = 0; s < sentences; ++s) {
            if (s) out += ' ';
            out += expand(rng_.percent(20) ? rng_.pick(kEventSentences) : rng_.pick(kPlainSentences));
        }
        out += "\n\n";
        if (rng_.percent(20)) out += expand(rng_.pick(kFurniture)) + "\n\n";
    }
    if (rng_.percent(50)) {
        out += "Berita Terkait\n\n";
        for (int i = 0; i < 3; ++i)
            out += fmt::format("{}\n{} {} lalu\n\n", expand("{headline}"), rng_.between(1, 23),
                               rng_.percent(50) ? "jam" : "hari");
    }
    return out;
}

}  // namespace

std::string generate_news_article(std::uint64_t index) { return NewsWriter(index).write(); }

std::string news_id(std::uint64_t index) { return fmt::format("news-{:08}", index); }

NewsStats generate_news(std::uint64_t bytes, const std::function<void(std::uint64_t, std::string)>& sink) {
    return generate_until(bytes, generate_news_article, sink);
}

NewsStats write_news_files(const std::filesystem::path& dir, std::uint64_t bytes) {
    return generate_news(bytes, [&](std::uint64_t index, std::string text) {
        std::filesystem::path folder = dir / fmt::format("{:05}", index / 1000);
        if (index % 1000 == 0) std::filesystem::create_directories(folder);
        write_article_file(folder / (news_id(index) + ".txt"), text);
    });
}

NewsStats write_news_jsonl(const std::filesystem::path& file, std::uint64_t bytes) {
    JsonLinesFile out(file);
    NewsStats stats = generate_news(bytes, [&](std::uint64_t index, std::string text) {
        date::sys_days published = NewsWriter(index).published();
        out.add({{"id", news_id(index)}, {"text", std::move(text)}, {"published", date::format("%F", published)}});
    });
    out.finish();
    return stats;
}

}  // namespace linimasa::bench
