// The synthetic news corpus (see corpus_generator.h): templates, vocabulary and the
// writer that assembles one article from them.
#include "corpus_generator.h"

#include <date/date.h>
#include <fmt/core.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "rng.h"

namespace linimasa::bench {

namespace {

// Changing the seed, a template or a word list changes every article: benchmark figures
// are only comparable between runs of the same generator.
constexpr std::uint64_t kCorpusSeed = 0x6c696e696d617361;  // "linimasa"

// ---------------------------------------------------------------------------------------
// Vocabulary

constexpr std::string_view kMonths[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                        "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
// Datelines abbreviate months in Indonesian or, at some outlets, in English.
constexpr std::string_view kMonthsShortId[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                                               "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
constexpr std::string_view kMonthsShortEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::string_view kWeekdays[] = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};  // ISO 1..7

constexpr std::string_view kNumberWords[] = {"dua",   "tiga",    "empat",    "lima",    "enam",
                                             "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"};

struct Actor {
    std::string_view full;   // first mention, with the office
    std::string_view short_; // later mentions
};

constexpr Actor kActors[] = {
    {"Presiden Joko Widodo", "Jokowi"},
    {"Presiden Rusia Vladimir Putin", "Putin"},
    {"pemimpin Korea Utara Kim Jong Un", "Kim"},
    {"Menteri Luar Negeri Retno Marsudi", "Retno"},
    {"Gubernur Bank Indonesia Perry Warjiyo", "Perry"},
    {"Menteri Keuangan Sri Mulyani Indrawati", "Sri Mulyani"},
    {"juru bicara Kremlin Dmitry Peskov", "Peskov"},
    {"Menteri Pertahanan Prabowo Subianto", "Prabowo"},
    {"Presiden Amerika Serikat Joe Biden", "Biden"},
    {"Presiden China Xi Jinping", "Xi"},
    {"Perdana Menteri Jepang Fumio Kishida", "Kishida"},
    {"Presiden Korea Selatan Yoon Suk Yeol", "Yoon"},
    {"Kapolri Jenderal Listyo Sigit Prabowo", "Listyo"},
    {"Kepala Basarnas Marsekal Madya Bambang Soelistyo", "Soelistyo"},
    {"Menteri Perhubungan Budi Karya Sumadi", "Budi Karya"},
    {"Sekretaris Jenderal PBB Antonio Guterres", "Guterres"},
    {"Menteri Pertahanan Rusia Sergei Shoigu", "Shoigu"},
    {"Ketua KPU Hasyim Asy'ari", "Hasyim"},
    {"Menteri BUMN Erick Thohir", "Erick"},
    {"CEO AirAsia Group Tony Fernandes", "Fernandes"},
    {"Presiden Ukraina Volodymyr Zelensky", "Zelensky"},
    {"Wakil Presiden Ma'ruf Amin", "Ma'ruf"},
    {"Ketua DPR Puan Maharani", "Puan"},
    {"Gubernur Jawa Timur Khofifah Indar Parawansa", "Khofifah"},
    {"Kepala BMKG Dwikorita Karnawati", "Dwikorita"},
    {"Menteri Perdagangan Zulkifli Hasan", "Zulkifli"},
};

constexpr std::string_view kPlaces[] = {
    "Jakarta",        "Pyongyang",          "Moskow",         "Vladivostok",      "Surabaya",
    "Bandung",        "Medan",              "Makassar",       "Denpasar",         "Istana Merdeka",
    "Amur",           "Kompleks Parlemen Senayan", "Bandara Soekarno-Hatta", "Pelabuhan Tanjung Priok",
    "Balikpapan",     "Pangkalan Bun",      "Seoul",          "Tokyo",            "Beijing",
    "Washington",     "Kyiv",               "Semarang",       "Yogyakarta",       "Palembang",
    "Selat Karimata", "Kupang",             "Jayapura",       "Batam",            "Camp David",
};

constexpr std::string_view kCountries[] = {"Rusia",     "Korea Utara", "Korea Selatan", "Amerika Serikat",
                                           "China",     "Jepang",      "Indonesia",     "Ukraina",
                                           "Malaysia",  "Singapura",   "Australia",     "Vietnam"};

constexpr std::string_view kOrgs[] = {
    "Bank Indonesia",  "Badan Pusat Statistik (BPS)", "Kementerian Keuangan", "KCNA",
    "Kremlin",         "Basarnas",                    "Kementerian Luar Negeri", "OJK",
    "KPU",             "Polda Metro Jaya",            "BMKG",                 "PT Pertamina (Persero)",
    "DPR",             "Sekretariat ASEAN",           "IMF",                  "Bank Dunia",
};

constexpr std::string_view kTopics[] = {
    "kerja sama pertahanan",         "harga pangan",            "stabilitas nilai tukar rupiah",
    "pembangunan ibu kota baru",     "keamanan Semenanjung Korea", "proses evakuasi korban",
    "penyaluran bantuan sosial",     "transisi energi",         "penyesuaian harga BBM",
    "persiapan pemilu",              "ekspor batu bara",        "pencarian korban",
    "perjanjian kemitraan strategis", "perdagangan bilateral",  "subsidi pupuk",
    "penanganan banjir",             "program makan bergizi",   "pengamanan arus mudik",
};

constexpr std::string_view kPeople[] = {"Sekar Ayuningtyas", "Bagus Wicaksono", "Dian Rahmawati",  "Fikri Arigi",
                                        "Novali Panji",      "Rahma Dwi Safitri", "Andi Nugroho",  "Yudono Yanuar",
                                        "Eka Yudha Saputra", "Ida Rosdalina",   "Rizki Maulana",  "Putri Anggraini"};

constexpr std::string_view kSaid[] = {"kata", "ujar", "tutur", "ucap", "jelas", "tegas"};

constexpr std::string_view kQuotes[] = {
    "Kami akan terus memantau perkembangan situasi di lapangan",
    "Hubungan kedua negara tidak pernah sebaik ini",
    "Semua opsi masih terbuka dan akan kami bahas bersama mitra kami",
    "Kami tidak ingin masyarakat panik, semuanya terkendali",
    "Ini kunjungan bersejarah bagi kedua bangsa",
    "Prosesnya masih berjalan, kami periksa dulu dokumennya",
    "Target kami rampung sebelum akhir tahun ini",
    "Kami berharap bisa bertemu lagi dalam waktu dekat",
    "Masyarakat tidak perlu khawatir karena stok aman hingga tiga bulan ke depan",
    "Tidak ada rencana penandatanganan perjanjian apa pun",
    "Kami sudah bekerja sejak pagi dan belum berhenti",
    "Keputusan ini diambil setelah kajian yang sangat panjang",
};

// Outlet leads: the outlet's name, the city and the dash style differ per outlet.
constexpr std::string_view kOutletLeads[] = {
    "TEMPO.CO, {City} - ",        "REPUBLIKA.CO.ID, {CITY} -- ", "{City}, CNN Indonesia -- ",
    "{City} (ANTARA) - ",         "KOMPAS.com - ",               "{CITY}, KOMPAS.com - ",
    "Liputan6.com, {City} - ",    "SUARAMALANG.ID - ",           "detikNews, {City} - ",
    "{City}, Kontan.co.id - ",
};

constexpr std::string_view kLeadCities[] = {"Jakarta", "Moskow", "Pyongyang", "Seoul", "Surabaya",
                                            "Bandung", "Medan",  "Makassar",  "Denpasar"};

// ---------------------------------------------------------------------------------------
// Templates. {slot} is replaced by ArticleWriter::slot(); a capital first letter ({When})
// capitalizes the replacement, for the start of a sentence.

// Sentences with at least one temporal expression.
constexpr std::string_view kTimedSentences[] = {
    "{Actor} menyampaikan hal itu kepada wartawan di {place}, {date}.",
    "Pertemuan tersebut berlangsung {date} di {place} dan dihadiri {count}.",
    "{When}, {actor} dijadwalkan bertemu {actor2} untuk membahas {topic}.",
    "Menurut data {org}, nilai transaksi mencapai {money} atau naik {pct} dibandingkan {period}.",
    "“{quote},” {said} {short} {rel}.",
    "Sebanyak {count} telah dikerahkan ke {place} sejak {rel}.",
    "{Org} mencatat inflasi {month} sebesar {pct} secara tahunan.",
    "Rapat lanjutan dijadwalkan berlangsung {range} di {place}.",
    "Pesawat dengan nomor penerbangan {code} hilang kontak {clock}.",
    "{Vague}, hubungan {country} dan {country2} disebut berada pada titik terbaik dalam {dur}.",
    "Acara peringatan itu digelar {set} di {place}.",
    "Kebijakan tersebut mulai berlaku {period}.",
    "{Actor}, yang {age}, tiba di {place} {clock}.",
    "Tim gabungan kembali melanjutkan pencarian {rel}, setelah sempat dihentikan karena cuaca buruk.",
    "Kunjungan terakhir {short} ke {place} terjadi pada {year}, sekitar {num} tahun lalu.",
    "Dalam {dur}, jumlah wisatawan ke {place} meningkat {pct}.",
    "{Org} memperkirakan pertumbuhan ekonomi {quarter} berada di kisaran {pct}.",
    "Ia menambahkan, pihaknya akan mengevaluasi izin rute tersebut {period}.",
    "Kapal patroli terakhir kali terlihat {clock} di perairan {place}.",
    "Pada {date}, {actor} menandatangani nota kesepahaman senilai {money}.",
    "Sidang perkara itu ditunda hingga {date} karena saksi berhalangan hadir.",
    "Libur {named} biasanya diikuti lonjakan penumpang hingga {pct}.",
    "Harga beras di {place} naik menjadi {money} per kilogram sejak {rel}.",
    "Proyek itu ditargetkan rampung {period}, mundur dari rencana semula {month}.",
    "Selama {dur}, {org} telah memeriksa {count}.",
    "{Actor} dilantik pada {date} dan akan menjabat hingga {year}.",
    "Jadwal keberangkatan kereta dari {place} dipercepat menjadi pukul {hhmm} WIB.",
    "Sejak {year}, {country} telah {num} kali menggelar latihan militer bersama {country2}.",
    "Data itu dirilis {rel}, bersamaan dengan laporan neraca perdagangan {month}.",
    "Pengumuman resmi rencananya disampaikan {rel}.",
    "{When}, harga minyak mentah dunia turun {pct} ke level terendah dalam {dur}.",
    "Pemerintah menyiapkan anggaran {money} untuk program tersebut pada tahun anggaran {yearnum}.",
    "Gempa berkekuatan magnitudo {magnitude} mengguncang {place} {clock}, menurut {org}.",
    "Periode {range} menjadi masa kampanye yang paling padat.",
    "Pada {decade}, kawasan itu masih berupa rawa dan kebun kelapa.",
    "Kerja sama kedua negara sudah terjalin sejak abad ke-{century}.",
    "Sebelumnya, {rel}, {short} membantah tudingan tersebut.",
    "Situasi keamanan {vague} disebut kondusif oleh {org}.",
    "Penyaluran bantuan dilakukan {set} melalui kantor pos.",
    "Menurut {short}, kenaikan harga terjadi {period} akibat musim kemarau.",
    "Laporan keuangan {quarter} menunjukkan laba bersih {money}.",
    "Rapat Dewan Gubernur {org} pada {range} memutuskan mempertahankan suku bunga acuan di level {pct}.",
    "{Short} mengaku sudah {dur} tidak pulang ke kampung halamannya di {place}.",
    "Persiapan menyambut {named} sudah dimulai {rel}.",
    "{When}, {short} kembali menegaskan dukungan terhadap {topic}.",
    "Kementerian itu menargetkan {count} terlayani {period}.",
    "{Rel}, {actor} meninjau langsung {topic} di {place}.",
    "Keduanya terakhir bertemu di {place} pada {month}, {dur} sebelum pertemuan {rel}.",
};

// Sentences without a temporal expression; some carry look-alikes (ages, laws, codes).
constexpr std::string_view kPlainSentences[] = {
    "Para analis menilai langkah itu sebagai sinyal politik yang kuat kepada {country}.",
    "Pemerintah belum memberikan tanggapan resmi atas laporan tersebut.",
    "“{quote},” {said} {short}.",
    "Nilai kontrak proyek tersebut ditaksir mencapai {money}.",
    "Sebanyak {count} dilaporkan mengikuti kegiatan itu.",
    "Hal itu diatur dalam {law}.",
    "Informasi lebih lanjut dapat diperoleh melalui pusat panggilan {phone}.",
    "Pesawat jenis {aircraft} itu membawa {count}.",
    "{Short} menegaskan bahwa pihaknya tetap berkomitmen pada {topic}.",
    "Kedua pemimpin juga membahas {topic} dan {topic2}.",
    "Suku bunga deposit facility ditetapkan {pct}, sedangkan lending facility {pct}.",
    "Dalam laga persahabatan, tim tuan rumah menang dengan skor {score}.",
    "Sementara itu, {org} menyatakan masih menunggu hasil kajian internal.",
    "Langkah tersebut dinilai dapat menekan biaya logistik hingga {pct}.",
    "Menurut {org}, nilai tukar rupiah melemah ke level {money} per dolar AS.",
    "Rombongan {short} terdiri atas {count} dan sejumlah pengusaha.",
    "{Actor} menolak berkomentar lebih jauh mengenai {topic}.",
    "Korban termuda {age}, sedangkan yang tertua {age}.",
    "Kendaraan berpelat nomor {plate} itu kemudian diamankan petugas.",
    "Para pengamat menilai kebijakan tersebut belum menyentuh akar persoalan, terutama soal distribusi yang masih timpang antara wilayah barat dan timur Indonesia.",
    "{Short} menjelaskan bahwa pemerintah akan memprioritaskan daerah yang paling terdampak, termasuk kawasan pesisir dan pulau-pulau kecil yang sulit dijangkau kendaraan darat.",
    "Kedua delegasi kemudian melanjutkan pembicaraan secara tertutup di ruang rapat utama, tanpa didampingi wartawan maupun juru foto dari media asing.",
    "Sejumlah warga yang ditemui di lokasi mengaku khawatir dengan kondisi tersebut, namun tetap berharap pemerintah segera turun tangan memberikan bantuan.",
    "Menurut {org}, koordinasi dengan pemerintah daerah terus dilakukan agar penyaluran bantuan tepat sasaran dan tidak menimbulkan antrean panjang di lapangan.",
    "Dalam keterangan tertulisnya, {org} menyebut bahwa seluruh prosedur telah dijalankan sesuai ketentuan yang berlaku dan diawasi oleh auditor independen.",
    "Isu tersebut menjadi sorotan publik setelah video yang memperlihatkan antrean panjang warga beredar luas di media sosial dan ditonton jutaan kali.",
    "Pihak kepolisian memastikan penyelidikan masih berjalan dan meminta masyarakat tidak menyebarkan informasi yang belum terverifikasi kebenarannya.",
    "Kesepakatan itu mencakup kerja sama di bidang energi, pertanian, pendidikan, dan kesehatan, serta pertukaran pelajar antara universitas di {country} dan {country2}.",
    "Ekonom senior menilai ruang fiskal pemerintah masih cukup untuk menahan gejolak, asalkan belanja negara diarahkan pada sektor yang produktif.",
};

constexpr std::string_view kHeadlines[] = {
    "{Short} Bertemu {Short2} di {Place}",
    "Harga Beras di {Place} Naik {pct}",
    "{Org} Tahan Suku Bunga Acuan di Level {pct}",
    "Kemenlu Pastikan Tidak Ada WNI Jadi Korban Gempa di {Place}",
    "Pemerintah Siapkan {money} untuk Bantuan Sosial",
    "Bank Sentral Pangkas Bunga, Rupiah Menguat",
    "{n2} Fakta Kunjungan {Short} ke {Place}",
    "Jadwal Libur {Named} {yearnum}",
    "Penerbangan {code} Dialihkan ke {Place}",
    "{Count} Diperiksa dalam Kasus Korupsi Proyek Jalan",
    "{Country} dan {Country2} Sepakati Kemitraan Strategis",
    "Ramalan Cuaca {Place} Hari Ini: Hujan Ringan",
};

constexpr std::string_view kSiteHeaders[] = {
    "Lupa Kata Sandi? Klik di Sini\n\natau Masuk melalui\n\nBelum Memiliki Akun Daftar di Sini\n\n",
    "Home > Internasional > Asia\n\n",
    "Home > Ekonomi > Makro\n\n",
    "Bagikan:\n\nFacebook\nTwitter\nWhatsApp\n\n",
    "Konfirmasi Email\n\nTautan aktivasi sudah kami kirim ke alamat email Anda.\n\n",
};

// Site furniture between paragraphs.
constexpr std::string_view kFurniture[] = {
    "Iklan",
    "Iklan\nScroll Untuk Melanjutkan",
    "ADVERTISEMENT\n\nSCROLL TO CONTINUE WITH CONTENT",
    "Baca Juga: {headline}",
    "Lihat Juga : {headline}",
    "Advertisement",
    "[Gambas:Video CNN]",
    "image-gnews",
    "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
};

// ---------------------------------------------------------------------------------------

struct Day {
    int year;
    unsigned month;    // 1..12
    unsigned day;      // 1..31
    unsigned weekday;  // ISO, Monday = 1
};

Day split(date::sys_days d) {
    date::year_month_day ymd{d};
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
            date::weekday{d}.iso_encoding()};
}

void capitalize(std::string& s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
}

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// Writes one article; every random choice comes from the article's own Rng.
class ArticleWriter {
public:
    explicit ArticleWriter(std::uint64_t index)
        : rng_(kCorpusSeed ^ (index * 0x9e3779b97f4a7c15ULL)),
          // publication dates between 2014-01-01 and mid-2025, like the archives we read
          published_(date::sys_days{date::year{2014} / 1 / 1} + date::days{static_cast<int>(rng_.below(4200))}) {}

    std::string write();

private:
    std::string expand(std::string_view tmpl);
    std::string slot(std::string_view name);

    // vocabulary slots
    std::string actor();
    std::string actor2();
    std::string short_name();
    std::string short_name2();
    std::string number_word();
    std::string money();
    std::string pct();
    std::string count();
    std::string code();
    std::string age();
    std::string law();
    std::string phone();
    std::string plate();
    std::string hhmm();

    // temporal slots
    date::sys_days nearby_day();
    std::string date_expr();
    std::string relative();
    std::string period();
    std::string month_expr();
    std::string quarter();
    std::string clock();
    std::string duration();
    std::string set_expr();
    std::string vague();
    std::string range();
    std::string year_expr();
    std::string decade();
    std::string named_day();
    std::string any_time();

    std::string dateline();
    std::string lead_date();

    Rng rng_;
    date::sys_days published_;
    std::size_t actor_ = 0;   // the last actor mentioned, for {short}
    std::size_t actor2_ = 1;  // the last second actor, for {short2}
};

std::string ArticleWriter::expand(std::string_view tmpl) {
    std::string out;
    out.reserve(tmpl.size() + 64);
    std::size_t i = 0;
    while (i < tmpl.size()) {
        if (tmpl[i] != '{') {
            out += tmpl[i++];
            continue;
        }
        std::size_t close = tmpl.find('}', i);
        if (close == std::string_view::npos) throw std::logic_error("unclosed slot in template");
        std::string name(tmpl.substr(i + 1, close - i - 1));
        bool cap = name[0] >= 'A' && name[0] <= 'Z';
        bool all_caps = cap && name.size() > 1 && name[1] >= 'A' && name[1] <= 'Z';
        if (cap) name[0] = static_cast<char>(name[0] - 'A' + 'a');
        for (char& c : name)
            if (all_caps && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        std::string value = slot(name);
        if (all_caps) value = upper_ascii(value);
        else if (cap) capitalize(value);
        out += value;
        i = close + 1;
    }
    return out;
}

std::string ArticleWriter::slot(std::string_view name) {
    // Vocabulary
    if (name == "actor") return actor();
    if (name == "actor2") return actor2();
    if (name == "short") return short_name();
    if (name == "short2") return short_name2();
    if (name == "place") return std::string(rng_.pick(kPlaces));
    if (name == "city") return std::string(rng_.pick(kLeadCities));
    if (name == "country" || name == "country2") return std::string(rng_.pick(kCountries));
    if (name == "org") return std::string(rng_.pick(kOrgs));
    if (name == "topic" || name == "topic2") return std::string(rng_.pick(kTopics));
    if (name == "said") return std::string(rng_.pick(kSaid));
    if (name == "quote") return std::string(rng_.pick(kQuotes));
    if (name == "num") return number_word();
    if (name == "n2") return std::to_string(rng_.between(3, 9));
    if (name == "money") return money();
    if (name == "pct") return pct();
    if (name == "count") return count();
    if (name == "code") return code();
    if (name == "age") return age();
    if (name == "law") return law();
    if (name == "phone") return phone();
    if (name == "plate") return plate();
    if (name == "hhmm") return hhmm();
    if (name == "score") return fmt::format("{}-{}", rng_.below(6), rng_.below(5));
    if (name == "magnitude") return fmt::format("{},{}", rng_.between(3, 7), rng_.below(10));
    if (name == "aircraft") {
        constexpr std::string_view kAircraft[] = {"Airbus A320-200", "Boeing 737-800", "ATR 72-600", "Boeing 777-300ER"};
        return std::string(rng_.pick(kAircraft));
    }
    if (name == "headline") {
        // A headline names its own people; the article's {short} keeps referring to its own.
        std::size_t saved = actor_, saved2 = actor2_;
        actor();
        actor2();
        std::string text = expand(rng_.pick(kHeadlines));
        actor_ = saved;
        actor2_ = saved2;
        return text;
    }
    if (name == "yearnum") return std::to_string(split(published_).year + rng_.between(-1, 1));
    // Temporal expressions
    if (name == "date") return date_expr();
    if (name == "rel") return relative();
    if (name == "period") return period();
    if (name == "month") return month_expr();
    if (name == "quarter") return quarter();
    if (name == "clock") return clock();
    if (name == "dur") return duration();
    if (name == "set") return set_expr();
    if (name == "vague") return vague();
    if (name == "range") return range();
    if (name == "year") return year_expr();
    if (name == "decade") return decade();
    if (name == "century") return std::to_string(rng_.between(15, 21));
    if (name == "named") return named_day();
    if (name == "when") return any_time();
    throw std::logic_error("unknown template slot {" + std::string(name) + "}");
}

// --- vocabulary ---------------------------------------------------------------------------

std::string ArticleWriter::actor() {
    actor_ = rng_.below(std::size(kActors));
    return std::string(kActors[actor_].full);
}

std::string ArticleWriter::actor2() {
    actor2_ = (actor_ + 1 + rng_.below(std::size(kActors) - 1)) % std::size(kActors);  // never the same person
    return std::string(kActors[actor2_].full);
}

std::string ArticleWriter::short_name() { return std::string(kActors[actor_].short_); }
std::string ArticleWriter::short_name2() { return std::string(kActors[actor2_].short_); }

std::string ArticleWriter::number_word() {
    if (rng_.percent(50)) return std::string(rng_.pick(kNumberWords));
    return std::to_string(rng_.between(2, 30));
}

std::string ArticleWriter::money() {
    constexpr std::string_view kScales[] = {"juta", "miliar", "triliun"};
    switch (rng_.below(4)) {
        case 0: return fmt::format("Rp {} {}", rng_.between(1, 999), rng_.pick(kScales));
        case 1: return fmt::format("Rp {}.{:03}", rng_.between(1, 99), rng_.below(1000));
        case 2: return fmt::format("US$ {},{} miliar", rng_.between(1, 40), rng_.below(10));
        default: return fmt::format("Rp {}.{:03} triliun", rng_.between(1, 3), rng_.below(1000));
    }
}

std::string ArticleWriter::pct() {
    int whole = rng_.between(0, 15);
    std::string number = rng_.percent(60) ? fmt::format("{},{}", whole, rng_.between(1, 99)) : std::to_string(whole);
    return number + (rng_.percent(70) ? " persen" : "%");
}

std::string ArticleWriter::count() {
    constexpr std::string_view kNouns[] = {"pejabat",  "personel", "orang",    "warga",     "kapal",
                                           "kendaraan", "pengungsi", "peserta", "siswa",     "korban",
                                           "tentara",  "relawan",  "wartawan", "penumpang", "saksi"};
    int n = rng_.percent(70) ? rng_.between(2, 300) : rng_.between(1000, 25000);
    std::string number = n >= 1000 ? fmt::format("{}.{:03}", n / 1000, n % 1000) : std::to_string(n);
    return number + " " + std::string(rng_.pick(kNouns));
}

std::string ArticleWriter::code() {
    constexpr std::string_view kAirlines[] = {"QZ", "GA", "JT", "ID", "SJ", "IW", "QG"};
    return fmt::format("{}{}{}", rng_.pick(kAirlines), rng_.percent(50) ? " " : "", rng_.between(100, 9999));
}

std::string ArticleWriter::age() { return fmt::format("berusia {} tahun", rng_.between(18, 85)); }

std::string ArticleWriter::law() {
    constexpr std::string_view kKinds[] = {"UU", "Perpres", "PP", "Permendag"};
    int year = split(published_).year - rng_.between(0, 10);
    return fmt::format("Pasal {} ayat {} {} Nomor {} Tahun {}", rng_.between(1, 120), rng_.between(1, 5),
                       rng_.pick(kKinds), rng_.between(1, 60), year);
}

std::string ArticleWriter::phone() {
    return fmt::format("{}21-{}-{:04}", rng_.percent(50) ? "+62-" : "0", rng_.between(2000, 8999), rng_.below(10000));
}

std::string ArticleWriter::plate() {
    constexpr std::string_view kRegions[] = {"B", "D", "L", "AB", "DK", "BK"};
    return fmt::format("{} {} {}{}", rng_.pick(kRegions), rng_.between(1, 9999), static_cast<char>('A' + rng_.below(26)),
                       static_cast<char>('A' + rng_.below(26)));
}

std::string ArticleWriter::hhmm() { return fmt::format("{:02}.{:02}", rng_.between(0, 23), rng_.below(60)); }

// --- temporal expressions -------------------------------------------------------------------

// A day around the publication date: mostly the days just before it, as news reports.
date::sys_days ArticleWriter::nearby_day() {
    int r = static_cast<int>(rng_.below(100));
    if (r < 60) return published_ - date::days{rng_.between(0, 10)};
    if (r < 85) return published_ + date::days{rng_.between(1, 20)};
    return published_ - date::days{rng_.between(30, 800)};
}

std::string ArticleWriter::date_expr() {
    Day d = split(nearby_day());
    std::string_view wd = kWeekdays[d.weekday - 1];
    std::string_view month = kMonths[d.month - 1];
    switch (rng_.below(9)) {
        case 0: return fmt::format("{}, {} {} {}", wd, d.day, month, d.year);
        case 1: return fmt::format("{} {} {}", d.day, month, d.year);
        case 2: return fmt::format("{} ({}/{}/{})", wd, d.day, d.month, d.year);
        case 3: return fmt::format("{} ({}/{})", wd, d.day, d.month);
        case 4: return fmt::format("tanggal {} {}", d.day, month);
        case 5: return fmt::format("{}\u00a0{}", d.day, month);  // a no-break space, as pasted from web pages
        case 6: return fmt::format("{}, {}/{}/{}", wd, d.day, d.month, d.year);
        case 7: return fmt::format("hari {} ({}/{}/{})", wd, d.day, d.month, d.year);
        default: return fmt::format("{} {}", d.day, month);
    }
}

std::string ArticleWriter::relative() {
    Day d = split(published_ - date::days{rng_.between(1, 3)});
    std::string_view wd = kWeekdays[d.weekday - 1];
    switch (rng_.below(24)) {
        case 0: return "kemarin";
        case 1: return "hari ini";
        case 2: return "besok";
        case 3: return "tadi malam";
        case 4: return "kemarin sore";
        case 5: return fmt::format("{} lalu", wd);
        case 6: return fmt::format("{} mendatang", rng_.pick(kWeekdays));
        case 7: return "pekan lalu";
        case 8: return "pekan depan";
        case 9: return "bulan lalu";
        case 10: return "tahun lalu";
        case 11: return "tahun depan";
        case 12: return fmt::format("{} hari lalu", number_word());
        case 13: return fmt::format("{} pekan lalu", number_word());
        case 14: return "sehari sebelumnya";
        case 15: return fmt::format("{} hari kemudian", number_word());
        case 16: return fmt::format("kemarin, {} ({}/{}/{})", wd, d.day, d.month, d.year);
        case 17: return fmt::format("{} ({}/{}) pagi", wd, d.day, d.month);
        case 18: return "pekan ini";
        case 19: return "awal pekan ini";
        case 20: return "pagi ini";
        case 21: return fmt::format("{} malam", wd);
        case 22: return "bulan depan";
        default: return fmt::format("{} bulan lalu", number_word());
    }
}

std::string ArticleWriter::period() {
    Day d = split(published_);
    std::string_view month = kMonths[rng_.below(12)];
    switch (rng_.below(11)) {
        case 0: return fmt::format("awal {} {}", month, d.year + rng_.between(-1, 1));
        case 1: return fmt::format("akhir {} lalu", month);
        case 2: return fmt::format("pertengahan {}", d.year + rng_.between(-2, 1));
        case 3: return "akhir tahun ini";
        case 4: return "awal tahun depan";
        case 5: return "akhir bulan lalu";
        case 6: return "pertengahan bulan depan";
        case 7: return fmt::format("awal {}", d.year + rng_.between(-1, 1));
        case 8: return fmt::format("penghujung {}", d.year - rng_.between(0, 3));
        case 9: return "periode yang sama tahun lalu";
        default: return fmt::format("akhir {}", month);
    }
}

std::string ArticleWriter::month_expr() {
    Day d = split(published_);
    std::string_view month = kMonths[rng_.below(12)];
    switch (rng_.below(6)) {
        case 0: return fmt::format("{} {}", month, d.year - rng_.between(0, 2));
        case 1: return fmt::format("{} lalu", month);
        case 2: return fmt::format("{} tahun lalu", month);
        case 3: return fmt::format("bulan {}", month);
        case 4: return std::string(month);
        default: return fmt::format("{} {}", kMonthsShortId[rng_.below(12)], d.year);
    }
}

std::string ArticleWriter::quarter() {
    constexpr std::string_view kOrdinals[] = {"pertama", "kedua", "ketiga", "keempat"};
    constexpr std::string_view kRoman[] = {"I", "II", "III", "IV"};
    int year = split(published_).year - rng_.between(0, 1);
    switch (rng_.below(5)) {
        case 0: return fmt::format("kuartal {} {}", rng_.pick(kOrdinals), year);
        case 1: return fmt::format("triwulan {}-{}", rng_.pick(kRoman), year);
        case 2: return "semester pertama tahun ini";
        case 3: return fmt::format("kuartal {} {}", rng_.pick(kRoman), year);
        default: return "paruh kedua tahun lalu";
    }
}

std::string ArticleWriter::clock() {
    Day d = split(nearby_day());
    std::string_view wd = kWeekdays[d.weekday - 1];
    constexpr std::string_view kZones[] = {"WIB", "WIB", "WITA", "WIT"};
    switch (rng_.below(10)) {
        case 0: return fmt::format("pukul {} {}", hhmm(), rng_.pick(kZones));
        case 1: return fmt::format("sekitar pukul {} WIB", hhmm());
        case 2: return fmt::format("pukul {} waktu setempat", hhmm());
        case 3: return fmt::format("{} ({}/{}/{}) pukul {} WIB", wd, d.day, d.month, d.year, hhmm());
        case 4: return fmt::format("{} pukul {} WIB", wd, hhmm());
        case 5: return "dini hari tadi";
        case 6: return fmt::format("{} malam", wd);
        case 7: return fmt::format("{} ({}/{}) sore", wd, d.day, d.month);
        case 8: return fmt::format("kemarin pukul {} WIB", hhmm());
        default: return fmt::format("{}, {} {} {} pukul {}", wd, d.day, kMonths[d.month - 1], d.year, hhmm());
    }
}

std::string ArticleWriter::duration() {
    switch (rng_.below(15)) {
        case 0: return fmt::format("{} tahun terakhir", number_word());
        case 1: return fmt::format("{} tahun", number_word());
        case 2: return "dua pekan";
        case 3: return "beberapa bulan terakhir";
        case 4: return fmt::format("lebih dari {} tahun", rng_.between(2, 70));
        case 5: return "24 jam";
        case 6: return fmt::format("sekitar {} jam", number_word());
        case 7: return "beberapa hari ke depan";
        case 8: return fmt::format("{} dekade", number_word());
        case 9: return "bertahun-tahun";
        case 10: return "sepekan";
        case 11: return fmt::format("{} tahun ke depan", rng_.between(2, 25));
        case 12: return "satu dasawarsa";
        case 13: return "setahun terakhir";
        default: return fmt::format("{} bulan", number_word());
    }
}

std::string ArticleWriter::set_expr() {
    switch (rng_.below(8)) {
        case 0: return "setiap tahun";
        case 1: return "setiap bulan";
        case 2: return fmt::format("setiap {}", rng_.pick(kWeekdays));
        case 3: return "tiap pekan";
        case 4: return "setiap hari";
        case 5: return fmt::format("tiap {}", kMonths[rng_.below(12)]);
        case 6: return "setiap malam";
        default: return "setiap dua tahun";
    }
}

std::string ArticleWriter::vague() {
    constexpr std::string_view kVague[] = {"saat ini", "kini",      "baru-baru ini", "ke depan",   "masa depan",
                                           "belakangan ini", "sekarang", "nantinya", "dewasa ini", "beberapa waktu lalu"};
    return std::string(rng_.pick(kVague));
}

std::string ArticleWriter::range() {
    Day d = split(nearby_day());
    unsigned first = std::min(d.day, 27u);
    std::string_view month = kMonths[d.month - 1];
    unsigned m2 = d.month % 12;  // the next month, 0-based
    switch (rng_.below(6)) {
        case 0: return fmt::format("{}-{} {} {}", first, first + 1, month, d.year);
        case 1: return fmt::format("{} hingga {} {} {}", first, first + rng_.between(1, 3), month, d.year);
        case 2: return fmt::format("{} hingga {} {}", month, kMonths[m2], d.year);
        case 3: {
            int from = d.year - rng_.between(5, 80);
            return fmt::format("{}-{}", from, from + rng_.between(1, 10));
        }
        case 4: return fmt::format("{}-{} {}", first, first + 1, month);
        default: return fmt::format("antara {} dan {}", month, kMonths[m2]);
    }
}

std::string ArticleWriter::year_expr() {
    int year = split(published_).year;
    switch (rng_.below(5)) {
        case 0: return std::to_string(year - rng_.between(1, 30));
        case 1: return fmt::format("tahun {}", year + rng_.between(-5, 5));
        case 2: return "tahun ini";
        case 3: return fmt::format("{} silam", year - rng_.between(5, 40));
        default: return fmt::format("tahun {}", year + rng_.between(1, 6));
    }
}

std::string ArticleWriter::decade() {
    switch (rng_.below(4)) {
        case 0: return fmt::format("{}-an", 1950 + 10 * rng_.between(0, 4));
        case 1: return fmt::format("tahun {}-an", 1950 + 10 * rng_.between(0, 4));
        case 2: return fmt::format("era {}-an", 1960 + 10 * rng_.between(0, 3));
        default: return "awal 2000-an";
    }
}

std::string ArticleWriter::named_day() {
    constexpr std::string_view kNamed[] = {"Natal",          "Tahun Baru",  "Hari Kemerdekaan", "Hari Buruh",
                                           "Natal dan Tahun Baru", "Hari Pahlawan", "Idul Fitri",  "Hari Kartini"};
    std::string name(rng_.pick(kNamed));
    if (rng_.percent(30)) name += fmt::format(" {}", split(published_).year + rng_.between(0, 1));
    return name;
}

// Any temporal expression, weighted roughly like the mix in the sample articles.
std::string ArticleWriter::any_time() {
    int r = static_cast<int>(rng_.below(100));
    if (r < 25) return date_expr();
    if (r < 50) return relative();
    if (r < 60) return period();
    if (r < 68) return month_expr();
    if (r < 76) return clock();
    if (r < 82) return duration();
    if (r < 88) return vague();
    if (r < 93) return year_expr();
    if (r < 97) return range();
    return set_expr();
}

// The header line that carries the publication date, in one of several outlets' styles;
// empty when the date is only given in the lead sentence.
std::string ArticleWriter::dateline() {
    Day d = split(published_);
    std::string_view wd = kWeekdays[d.weekday - 1];
    int hour = rng_.between(5, 23);
    int minute = static_cast<int>(rng_.below(60));
    switch (rng_.below(6)) {
        case 0: return "";
        case 1: return fmt::format("{}, {} {} {}", wd, d.day, kMonths[d.month - 1], d.year);
        case 2: return fmt::format("{}, {} {} {} {:02}:{:02} WIB", wd, d.day, kMonths[d.month - 1], d.year, hour, minute);
        case 3: return fmt::format("{} {:02} {} {} {:02}:{:02} WIB", wd, d.day, kMonthsShortEn[d.month - 1], d.year, hour, minute);
        case 4: return fmt::format("{}, {} {} {} | {:02}:{:02} WIB", wd, d.day, kMonthsShortId[d.month - 1], d.year, hour, minute);
        default: return fmt::format("{:02}/{:02}/{}, {:02}:{:02} WIB", d.day, d.month, d.year, hour, minute);
    }
}

// How the lead sentence dates the main event (the publication day or the day before).
std::string ArticleWriter::lead_date() {
    Day d = split(published_ - date::days{rng_.between(0, 1)});
    std::string_view wd = kWeekdays[d.weekday - 1];
    switch (rng_.below(5)) {
        case 0: return fmt::format("pada {}, {} {} {}", wd, d.day, kMonths[d.month - 1], d.year);
        case 1: return fmt::format("{} ({}/{}/{})", wd, d.day, d.month, d.year);
        case 2: return fmt::format("pada {} ({}/{})", wd, d.day, d.month);
        case 3: return "hari ini";
        default: return fmt::format("kemarin, {} ({}/{}/{})", wd, d.day, d.month, d.year);
    }
}

std::string ArticleWriter::write() {
    std::string out;
    const std::size_t target = 3000 + rng_.below(3001);  // 3-6 KB with the footer
    out.reserve(target + 1024);

    if (rng_.percent(30)) out += rng_.pick(kSiteHeaders);
    out += expand("{headline}") + "\n\n";
    if (rng_.percent(50))
        out += fmt::format("Reporter\n\n{}\n\nEditor\n\n{}\n\n", rng_.pick(kPeople), rng_.pick(kPeople));
    if (std::string line = dateline(); !line.empty()) out += line + "\n\n";
    if (rng_.percent(40)) {
        Day d = split(nearby_day());
        out += fmt::format("{} di {}. Foto diambil pada {} {} {}. ANTARA/{}\n\n", expand("{Actor} tiba"),
                           rng_.pick(kPlaces), d.day, kMonths[d.month - 1], d.year, rng_.pick(kPeople));
    }

    // The lead: the outlet's dateline and the main event with its date.
    std::string lead = expand(rng_.pick(kOutletLeads));
    lead += expand("{Actor} membahas {topic} bersama {actor2} di {place} ") + lead_date() + ". ";
    lead += expand(rng_.pick(kTimedSentences));
    out += lead + "\n\n";

    // The body: paragraphs of one to four sentences, about two in five of them dated, with
    // site furniture between some paragraphs.
    while (out.size() + 250 < target) {
        int sentences = rng_.between(1, 4);
        for (int s = 0; s < sentences; ++s) {
            if (s) out += ' ';
            out += rng_.percent(38) ? expand(rng_.pick(kTimedSentences)) : expand(rng_.pick(kPlainSentences));
        }
        out += "\n\n";
        if (rng_.percent(18)) out += expand(rng_.pick(kFurniture)) + "\n\n";
    }

    // The footer: related headlines with "N jam lalu" timestamps, as on the sites.
    if (rng_.percent(50)) out += "Pilihan Editor: " + expand("{headline}") + "\n\n";
    if (rng_.percent(40)) {
        out += "Berita Terkait\n\n";
        for (int i = 0; i < 3; ++i)
            out += fmt::format("{}\n{} {} lalu\n\n", expand("{headline}"), rng_.between(1, 23), rng_.percent(50) ? "jam" : "hari");
    }
    if (rng_.percent(25)) out += fmt::format("({}/{})\n", "dna", "rds");

    // Some outlets' pages arrive with Windows line ends.
    if (rng_.percent(20)) {
        std::string crlf;
        crlf.reserve(out.size() + out.size() / 16);
        for (char c : out) {
            if (c == '\n') crlf += '\r';
            crlf += c;
        }
        out = std::move(crlf);
    }
    return out;
}

}  // namespace

std::string generate_article(std::uint64_t index) { return ArticleWriter(index).write(); }

std::string article_id(std::uint64_t index) { return fmt::format("article-{:08}", index); }

CorpusStats generate_corpus(std::uint64_t bytes, const std::function<void(std::uint64_t, std::string)>& sink) {
    return generate_until(bytes, generate_article, sink);
}

CorpusStats write_corpus_files(const std::filesystem::path& dir, std::uint64_t bytes) {
    std::filesystem::create_directories(dir);
    return generate_corpus(bytes, [&](std::uint64_t index, std::string text) {
        write_article_file(dir / (article_id(index) + ".txt"), text);
    });
}

CorpusStats write_corpus_jsonl(const std::filesystem::path& file, std::uint64_t bytes) {
    JsonLinesFile out(file);
    CorpusStats stats = generate_corpus(bytes, [&](std::uint64_t index, std::string text) {
        out.add({{"id", article_id(index)}, {"text", std::move(text)}});
    });
    out.finish();
    return stats;
}

}  // namespace linimasa::bench
