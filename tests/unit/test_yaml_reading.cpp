// Unit tests for src/util/yaml_reading.h: load_yaml_text's checks before and after yaml-cpp
// (bytes that are not text, nesting past the limit, keys given twice), with the line and column
// of each problem, and what it must let through.
#ifndef BOOST_TEST_DYN_LINK
#define BOOST_TEST_DYN_LINK
#endif
#define BOOST_TEST_MODULE yaml_reading
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

#include "util/yaml_reading.h"

using namespace linimasa;

namespace {

struct Failure {
    int line = 0, column = 0;  // 1-based
    std::string message;
};

// The error load_yaml_text raises for `text`; a test fails when it raises none.
Failure failure(const std::string& text) {
    try {
        load_yaml_text(text);
    } catch (const YAML::Exception& e) {
        return {e.mark.line + 1, e.mark.column + 1, e.msg};
    }
    BOOST_FAIL("expected an error for: " + text.substr(0, 80));
    return {};
}

std::string repeated(const std::string& piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += piece;
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bytes)

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_where_it_is) {
    Failure f = failure("a: [satu, dua]\nb: 'ti\xffga'\n");
    BOOST_TEST(f.line == 2);
    BOOST_TEST(f.column == 7);
    BOOST_TEST(f.message == "not valid UTF-8 (byte 0xFF): a rule file must be UTF-8 text");
}

BOOST_AUTO_TEST_CASE(columns_count_characters_not_bytes) {
    Failure f = failure("kata: 'Jum’at \xc0\xaf'\n");  // ’ is three bytes, one column
    BOOST_TEST(f.line == 1);
    BOOST_TEST(f.column == 15);
    BOOST_TEST(f.message.find("byte 0xC0") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_comment_is_still_an_error) {
    Failure f = failure("# catatan \xe9\na: 1\n");
    BOOST_TEST(f.line == 1);
    BOOST_TEST(f.column == 11);
}

BOOST_AUTO_TEST_CASE(nul_and_control_bytes_are_errors) {
    Failure nul = failure(std::string("a: 'x\0y'\n", 9));
    BOOST_TEST(nul.line == 1);
    BOOST_TEST(nul.column == 6);
    BOOST_TEST(nul.message == "NUL byte: a rule file must be text");
    Failure bell = failure("a: 1\nb: x\x07\n");
    BOOST_TEST(bell.line == 2);
    BOOST_TEST(bell.column == 5);
    BOOST_TEST(bell.message == "control character 0x07: a rule file must be text");
}

BOOST_AUTO_TEST_CASE(tabs_crlf_and_multibyte_text_pass) {
    YAML::Node root = load_yaml_text("a: 'Jum’at, Ahad'\r\nb:\t[satu]\r\n");
    BOOST_TEST(root["a"].Scalar() == "Jum’at, Ahad");
    BOOST_TEST(root["b"][0].Scalar() == "satu");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(nesting)

BOOST_AUTO_TEST_CASE(flow_nesting_past_the_limit_is_reported_at_its_bracket) {
    Failure f = failure("a: 1\nb: " + repeated("[", 100000));
    BOOST_TEST(f.line == 2);
    BOOST_TEST(f.column == 4 + kMaxYamlDepth);  // "b: " then the bracket one past the limit
    BOOST_TEST(f.message == "lists and mappings nested more than 256 levels deep");
}

BOOST_AUTO_TEST_CASE(nesting_up_to_the_limit_is_read) {
    YAML::Node root = load_yaml_text("a: " + repeated("[", kMaxYamlDepth) + "x" + repeated("]", kMaxYamlDepth) + "\n");
    YAML::Node n = root["a"];
    for (int i = 1; i < kMaxYamlDepth; ++i) n = n[0];
    BOOST_TEST(n[0].Scalar() == "x");
}

BOOST_AUTO_TEST_CASE(brackets_in_quotes_and_comments_are_not_nesting) {
    const std::string brackets = repeated("[{", 1000);
    YAML::Node root = load_yaml_text("a: '" + brackets + "'\nb: \"" + brackets + "\\\"\"\n# " + brackets +
                                     "\nc: Jum'at " + "\nd: [x, '" + brackets + "']\n");
    BOOST_TEST(root["a"].Scalar() == brackets);
    BOOST_TEST(root["b"].Scalar() == brackets + "\"");
    BOOST_TEST(root["c"].Scalar() == "Jum'at");
    BOOST_TEST(root["d"][1].Scalar() == brackets);
}

BOOST_AUTO_TEST_CASE(block_nesting_past_yaml_cpp_limit_is_an_error_not_a_crash) {
    std::string text;
    std::string indent;
    for (int i = 0; i < 5000; ++i) {
        text += indent + "a:\n";
        indent += " ";
    }
    Failure f = failure(text);
    BOOST_TEST(f.message == "lists and mappings nested too deeply");
    BOOST_TEST(f.line > 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(keys)

BOOST_AUTO_TEST_CASE(a_key_given_twice_names_both_lines) {
    Failure f = failure("planned: [akan]\ndenied: [batal]\nplanned: [bakal]\n");
    BOOST_TEST(f.line == 3);
    BOOST_TEST(f.column == 1);
    BOOST_TEST(f.message == "duplicate key 'planned' (first at line 1)");
}

BOOST_AUTO_TEST_CASE(duplicate_keys_are_found_at_any_depth) {
    Failure f = failure("- id: a\n  type: meeting\n- id: b\n  needs: {actors: 1, actors: 2}\n");
    BOOST_TEST(f.line == 4);
    BOOST_TEST(f.column == 22);
    BOOST_TEST(f.message == "duplicate key 'actors' (first at line 4)");
}

BOOST_AUTO_TEST_CASE(the_same_key_in_different_mappings_is_fine) {
    YAML::Node root = load_yaml_text("- {id: a, type: x}\n- {id: b, type: y}\n");
    BOOST_TEST(root.size() == 2u);
}

BOOST_AUTO_TEST_CASE(aliases_of_aliases_are_walked_once) {
    // Ten to the ninth lists if every alias were walked again.
    std::string text = "a0: &a0 [w0, w1, w2, w3, w4, w5, w6, w7, w8, w9]\n";
    for (int i = 1; i <= 9; ++i) {
        text.append("a").append(std::to_string(i)).append(": &a").append(std::to_string(i)).append(" [");
        for (int k = 0; k < 10; ++k) text.append(k ? ", *a" : "*a").append(std::to_string(i - 1));
        text += "]\n";
    }
    auto start = std::chrono::steady_clock::now();
    YAML::Node root = load_yaml_text(text);
    BOOST_TEST(root["a9"].size() == 10u);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(seconds < 5.0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(syntax_errors_still_come_from_yaml_cpp) {
    Failure f = failure("a: [1, 2\nb: 3\n");
    BOOST_TEST(f.line >= 1);
    BOOST_TEST(!f.message.empty());
}
