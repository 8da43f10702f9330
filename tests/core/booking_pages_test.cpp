// Issue 15: the booking journey's pages as the citizen meets them — step 1 preselects
// nothing and shows the error summary for a missing answer, every question page has a
// back link and a step count, the language switch stays on the same step, the
// confirmation says what happens next, and the request's fields are named once.
// Content of its own (site_fixture's sample plus two consultations), never the default.
#define BOOST_TEST_MODULE booking_pages
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <regex>
#include <set>

#include "booking/booking.hpp"
#include "booking_fixture.hpp"
#include "fixture.hpp"
#include "site/site.hpp"
#include "site_fixture.hpp"
#include "snapshot/snapshot.hpp"

using namespace pietura;
using namespace pietura::site;
using namespace site_fixture;
namespace fs = std::filesystem;

namespace {

// The sample content with consultations: two institutions, three contact points, VSAA at
// two of them (in an order their names do not have), PMLP at one.
content::Content with_consultations() {
    content::Content c = sample();
    content::ContactPoint cp = c.contact_points[0];
    content::ContactPoint a = cp, z = cp;
    a.id = "aaa-zilupe";
    a.name = T("Zilupes VPVKAC", "Zilupe one-stop centre");
    a.lat = 56.38;
    a.lon = 28.12;
    a.phone = "+371 65700000";
    z.id = "zzz-ainazi";
    z.name = T("Ainažu VPVKAC", "Ainaži one-stop centre");
    z.lat = 57.86;
    z.lon = 24.36;
    c.contact_points = {a, cp, z};  // sorted by id
    content::Consultation vsaa;
    vsaa.id = "vsaa";
    vsaa.institution = "vsaa";
    vsaa.title = T("VSAA konsultācija", "SSIA consultation");
    vsaa.windows = "Mo-Fr 09:00-12:00; PH off";
    vsaa.contact_points = {"aaa-zilupe", "zzz-ainazi"};
    vsaa.topics = {{"pensijas", T("Pensijas", "Pensions"), {}}, {"pabalsti", T("Pabalsti", "Benefits"), {}}};
    vsaa.bring = {{"Pase"}, {"Passport"}};
    content::Consultation pmlp = vsaa;
    pmlp.id = "pmlp";
    pmlp.institution = "pmlp";
    pmlp.title = T("PMLP konsultācija", "OCMA consultation");
    pmlp.contact_points = {"cesis-vpvkac"};
    pmlp.topics = {{"dzivesvieta", T("Dzīvesvieta", "Residence"), {}}};
    c.consultations = {pmlp, vsaa};  // by id
    return c;
}

const Options& opts() {
    static Options o{"v1", true};
    return o;
}

std::string static_step_one(const content::Content& c, Lang lang) {
    for (auto& p : booking_pages(c, real_strings(), opts()))
        if (p.path == path_for(url_for(lang, Kind::consultation))) return p.html;
    BOOST_FAIL("no step 1 page");
    return "";
}

// Every tag of one element name, in order.
std::vector<std::string> tags(const std::string& html, const std::string& name) {
    std::regex re("<" + name + "\\b[^>]*>");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) out.push_back((*it)[0]);
    return out;
}

// Where the language switch leads.
std::string lang_switch(const std::string& html) {
    static const std::regex re(R"re(<nav class="lang-switch"[^>]*><a href="([^"]*)")re");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "(none)";
}

std::string back_href(const std::string& html) {
    static const std::regex re(R"re(<a href="([^"]*)" class="back-link">)re");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "";
}

std::string step_text(const std::string& html) {
    static const std::regex re(R"re(<p class="step-count">([^<]*)</p>)re");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "";
}

// Where a question page's pieces stand in the document: -1 when absent.
struct Order {
    long main, back, step, h1;
    int backs, steps;
};
Order order_of(const std::string& html) {
    auto at = [&](const std::string& needle) {
        auto p = html.find(needle);
        return p == std::string::npos ? -1L : long(p);
    };
    return {at("<main "), at("class=\"back-link\""), at("class=\"step-count\""), at("<h1>"),
            int(count(html, "class=\"back-link\"")), int(count(html, "class=\"step-count\""))};
}

// GOV.UK question pages: inside <main>, the back link first (nothing but its paragraph
// before it), then the step count, then the question's heading. `counted`: the page is a
// question with a step count (the check and cancel pages have only the way back).
void check_above_heading(const std::string& html, bool counted, const std::string& what) {
    BOOST_TEST_CONTEXT(what) {
        Order o = order_of(html);
        BOOST_TEST(o.backs == 1);
        BOOST_TEST(o.steps == (counted ? 1 : 0));
        BOOST_TEST(o.main >= 0);
        BOOST_TEST(o.back > o.main, "the back link is in <main>");
        BOOST_TEST(o.back < o.h1, "the back link comes before the heading");
        // Between <main ...> and the link's class: only its own <p> and <a> tags.
        std::string lead = o.back > o.main ? html.substr(o.main + 1, o.back - o.main - 1) : "";
        lead = lead.substr(lead.find('>') + 1);
        BOOST_TEST(std::count(lead.begin(), lead.end(), '<') == 2, "the back link is the first thing in <main>: " + lead);
        if (counted) {
            BOOST_TEST(o.back < o.step, "the back link comes before the step count");
            BOOST_TEST(o.step < o.h1, "the step count is a caption above the heading");
        }
    }
}

using booking_fixture::offer;
using booking_fixture::request;

std::string fields_of(const std::string& html, const std::string& form_id) {
    std::regex re("id=\"" + form_id + "\"[^>]*data-fields=\"([^\"]*)\"");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "(none)";
}

}  // namespace

BOOST_AUTO_TEST_CASE(issue15_step_one_preselects_nothing) {
    for (Lang lang : {Lang::lv, Lang::en}) {
        std::string page = static_step_one(with_consultations(), lang);
        auto radios = tags(page, "input");
        BOOST_TEST(radios.size() >= 3u);
        for (auto& r : radios) BOOST_TEST(r.find(" checked") == std::string::npos, r);
        auto options = tags(page, "option");
        BOOST_REQUIRE_EQUAL(options.size(), 4u);  // "choose" and the three hosts
        BOOST_TEST(options[0] == "<option value=\"\">");
        for (auto& o : options) BOOST_TEST(o.find(" selected") == std::string::npos, o);
    }
}

BOOST_AUTO_TEST_CASE(issue15_step_one_carries_its_error_summary_for_the_script) {
    std::string page = static_step_one(with_consultations(), Lang::en);
    // Shown by booking.js when an answer is missing: the core's markup, hidden until then.
    auto at = page.find("<template id=\"booking-start-errors\">");
    BOOST_REQUIRE(at != std::string::npos);
    std::string tpl = page.substr(at, page.find("</template>", at) - at);
    BOOST_TEST(tpl.find("<a href=\"#f-choice\">Topic: Choose what you want to talk about.</a>") != std::string::npos, tpl);
    BOOST_TEST(tpl.find("<a href=\"#f-contact_point\">Contact point: Choose the contact point you will come to.</a>") !=
               std::string::npos);
    BOOST_TEST(count(page, "<p class=\"error-message\" id=\"f-choice-error\" hidden>") == 1u);
    BOOST_TEST(count(page, "<p class=\"error-message\" id=\"f-contact_point-error\" hidden>") == 1u);
    BOOST_TEST(count(page, "id=\"f-choice\"") == 1u);
    // Nothing shows without a missing answer.
    BOOST_TEST(page.substr(0, at).find("class=\"error-summary\"") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue15_a_missing_answer_shows_the_summary_the_inline_error_and_keeps_the_other) {
    auto c = with_consultations();
    for (Lang lang : {Lang::lv, Lang::en}) {
        BookingStart f{lang, "vsaa:pabalsti", "", booking_start_errors(real_strings(), lang, false, true)};
        std::string page = booking_start_page(c, real_strings(), opts(), f);
        BOOST_TEST(count(page, "class=\"error-summary\"") == 1u);
        BOOST_TEST(count(page, "href=\"#f-contact_point\"") == 1u);
        BOOST_TEST(count(page, "href=\"#f-choice\"") == 0u);
        BOOST_TEST(count(page, "<p class=\"error-message\" id=\"f-contact_point-error\">") == 1u);
        BOOST_TEST(count(page, "aria-describedby=\"f-contact_point-hint f-contact_point-error\" aria-invalid=\"true\"") == 1u);
        BOOST_TEST(count(page, "value=\"vsaa:pabalsti\" data-institution=\"vsaa\" checked>") == 1u);
        BOOST_TEST(count(page, " checked>") == 1u);
        BOOST_TEST(page.find("<template id=\"booking-start-errors\"") == std::string::npos, "the server's copy needs no script errors");
        // The language switch keeps the answer given.
        BOOST_TEST(lang_switch(page) == booking_url(other(lang), "start") + "?choice=vsaa:pabalsti&amp;contact_point=");
    }
    BookingStart both{Lang::lv, "", "", booking_start_errors(real_strings(), Lang::lv, true, true)};
    std::string page = booking_start_page(c, real_strings(), opts(), both);
    BOOST_TEST(count(page, "<a href=\"#f-choice\">Tēma: Izvēlieties, par ko vēlaties runāt.</a>") == 1u);
    BOOST_TEST(count(page, "<fieldset class=\"topics field-error\" id=\"f-choice\" aria-describedby=\"f-choice-error\">") == 1u);
    // An address someone made up cannot change the links' meaning.
    BookingStart odd{Lang::en, "x&y=\"z", "a b", {}};
    std::string odd_page = booking_start_page(c, real_strings(), opts(), odd);
    BOOST_TEST(lang_switch(odd_page) == "/lv/konsultacija/izvele/?choice=x%26y%3D%22z&amp;contact_point=a%20b");
}

// The server renders step 1 from the snapshot (it has no content): the same choices as
// the static page, in the same order.
BOOST_AUTO_TEST_CASE(issue15_step_one_from_the_snapshot_offers_what_the_static_page_does) {
    auto c = with_consultations();
    fs::path file = fixture::temp_dir("booking-pages") / "catalogue.sqlite";
    snapshot::write(c, file, {"v1", {}});
    auto cat = snapshot::Catalogue::open(file);
    auto choices = booking::step_one_choices(cat);
    for (Lang lang : {Lang::lv, Lang::en}) {
        std::string built = static_step_one(c, lang);
        std::string served = booking_start_page(choices, real_strings(), opts(), BookingStart{lang, "", "", {}});
        BOOST_TEST(tags(served, "input") == tags(built, "input"), boost::test_tools::per_element());
        BOOST_TEST(tags(served, "option") == tags(built, "option"), boost::test_tools::per_element());
        auto headings = [](const std::string& h) {
            std::vector<std::string> out;
            static const std::regex re("<h3>([^<]*)</h3>");
            for (auto it = std::sregex_iterator(h.begin(), h.end(), re); it != std::sregex_iterator(); ++it) out.push_back((*it)[1]);
            return out;
        };
        BOOST_TEST(headings(served) == headings(built), boost::test_tools::per_element());
        BOOST_TEST(headings(built).size() == 2u);
    }
    // Zilupe before Ainaži by id, Ainaži first by name: the server sorts like the build.
    std::string served = booking_start_page(choices, real_strings(), opts(), BookingStart{Lang::lv, "", "", {}});
    BOOST_TEST(served.find("value=\"zzz-ainazi\"") < served.find("value=\"aaa-zilupe\""));
}

BOOST_AUTO_TEST_CASE(issue15_every_question_page_has_a_back_link_and_a_step_count) {
    auto o = offer();
    auto r = request();
    std::string choice = "?choice=vsaa:pensijas&amp;contact_point=aaa-zilupe";
    std::string page1 = static_step_one(with_consultations(), Lang::lv);
    BOOST_TEST(step_text(page1) == "1. solis no 3");
    BOOST_TEST(back_href(page1) == "/lv/");

    BookingForm f{Lang::lv, &o, r, {}, {}, false, "form-x", false};
    std::string time = booking_time_page(real_strings(), opts(), f);
    BOOST_TEST(step_text(time) == "2. solis no 3");
    BOOST_TEST(back_href(time) == "/lv/konsultacija/izvele/" + choice);
    std::string details = booking_details_page(real_strings(), opts(), f);
    BOOST_TEST(step_text(details) == "3. solis no 3");
    BOOST_TEST(back_href(details) == "/lv/konsultacija/laiks/" + choice + "&amp;start=1797836400");
    std::string check = booking_check_page(real_strings(), opts(), f);
    BOOST_TEST(step_text(check) == "", "the check page is not a question");
    BOOST_TEST(back_href(check) == "/lv/konsultacija/dati/" + choice + "&amp;start=1797836400");
    // The check page's topic and place change links keep both answers.
    BOOST_TEST(count(check, "href=\"/lv/konsultacija/izvele/" + choice + "\">Mainīt") == 2u);

    f.lang = Lang::en;
    BOOST_TEST(step_text(booking_time_page(real_strings(), opts(), f)) == "Step 2 of 3");
    BOOST_TEST(step_text(booking_details_page(real_strings(), opts(), f)) == "Step 3 of 3");
    BOOST_TEST(step_text(static_step_one(with_consultations(), Lang::en)) == "Step 1 of 3");
    for (auto& p : booking_pages(with_consultations(), real_strings(), opts()))
        if (p.path == "en/consultation/offline/index.html") {
            BOOST_TEST(step_text(p.html) == "Steps 2 and 3 of 3");
            BOOST_TEST(back_href(p.html) == "/en/consultation/");
        }

    BookingDone d{Lang::lv, &o, "PT-AB12-CD34", "pensijas", r.start, r.start + 1800, false, false};
    std::string done = booking_confirmation_page(real_strings(), opts(), d);
    BOOST_TEST(step_text(done) == "");
    BOOST_TEST(back_href(done) == "", "no way back into a sent form");
}

// Issue 15: the back link and the step count stand above the <h1> on every booking page
// that has them — in both languages, on the static pages with and without scripts, and on
// the pages the server renders.
BOOST_AUTO_TEST_CASE(issue15_back_link_and_step_count_come_before_the_heading) {
    auto c = with_consultations();
    auto o = offer();
    auto r = request();
    for (bool with_wasm : {true, false}) {
        Options opt{"v1", with_wasm};
        for (Lang lang : {Lang::lv, Lang::en}) {
            std::string where = std::string(code(lang)) + (with_wasm ? " with scripts" : " without scripts");
            int statics = 0;
            for (auto& p : booking_pages(c, real_strings(), opt)) {
                check_above_heading(p.html, true, p.path + ", " + where);
                ++statics;
            }
            BOOST_TEST(statics == 4, "step 1 and the offline step in both languages");
            BookingStart start{lang, "vsaa:pensijas", "", booking_start_errors(real_strings(), lang, false, true)};
            check_above_heading(booking_start_page(c, real_strings(), opt, start), true, "step 1 from the server, " + where);
            BookingForm f{lang, &o, r, {}, {}, false, "form-x", false};
            check_above_heading(booking_time_page(real_strings(), opt, f), true, "time, " + where);
            check_above_heading(booking_details_page(real_strings(), opt, f), true, "details, " + where);
            check_above_heading(booking_check_page(real_strings(), opt, f), false, "check, " + where);
            BookingDone d{lang, &o, "PT-AB12-CD34", "pensijas", r.start, r.start + 1800, false, false};
            check_above_heading(booking_cancel_page(real_strings(), opt, d), false, "cancel, " + where);
        }
    }
    // Another page of the same frame has nothing above its heading.
    std::string done = booking_confirmation_page(real_strings(), opts(),
                                                 BookingDone{Lang::en, &o, "PT-AB12-CD34", "pensijas", r.start, r.start + 1800, false, false});
    auto main = done.find("<main ");
    BOOST_TEST(done.substr(done.find('>', main) + 1, 5) == "\n<h1>");
}

BOOST_AUTO_TEST_CASE(issue15_the_language_switch_stays_on_the_same_step_with_nothing_personal) {
    auto o = offer();
    auto r = request();
    std::string choice = "?choice=vsaa:pensijas&amp;contact_point=aaa-zilupe";
    BookingForm f{Lang::lv, &o, r, {}, {}, false, "form-x", false};
    BookingDone d{Lang::lv, &o, "PT-AB12-CD34", "pensijas", r.start, r.start + 1800, false, false};
    std::vector<std::pair<std::string, std::string>> pages = {
        {booking_time_page(real_strings(), opts(), f), "/en/consultation/time/" + choice + "&amp;start=1797836400"},
        {booking_details_page(real_strings(), opts(), f), "/en/consultation/details/" + choice + "&amp;start=1797836400"},
        {booking_check_page(real_strings(), opts(), f), "/en/consultation/check/"},
        {booking_confirmation_page(real_strings(), opts(), d), "/en/consultation/confirmation/"},
        {booking_cancel_page(real_strings(), opts(), d), "/en/consultation/confirmation/cancel/"},
    };
    for (auto& [html, want] : pages) {
        BOOST_TEST(lang_switch(html) == want);
        BOOST_TEST(count(html, "<link rel=\"alternate\" hreflang=\"en\" href=\"" + want + "\">") == 1u);
        for (auto& secret : {std::string("Zelma"), std::string("29123456"), std::string("zelma@"), std::string("PT-AB12")})
            BOOST_TEST(lang_switch(html).find(secret) == std::string::npos);
    }
    f.lang = Lang::en;
    BOOST_TEST(lang_switch(booking_time_page(real_strings(), opts(), f)) ==
               "/lv/konsultacija/laiks/" + choice + "&amp;start=1797836400");
}

BOOST_AUTO_TEST_CASE(issue15_error_messages_follow_the_page_language_not_the_consultation_language) {
    auto o = offer();
    auto r = request();
    r.name = "";
    r.lang = "lv";  // a Latvian consultation booked on the English site
    auto errors = booking::validate(r);
    BOOST_REQUIRE(!errors.empty());
    BookingForm f{Lang::en, &o, r, {}, errors, false, "", false};
    std::string details = booking_details_page(real_strings(), opts(), f);
    BOOST_TEST(count(details, "<a href=\"#f-name\">Name and surname: Fill in this field.</a>") == 1u);
    BOOST_TEST(details.find("Aizpildiet") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue15_confirmation_says_what_happens_next_and_asks_for_no_rating) {
    auto o = offer();
    auto r = request();
    for (bool shared : {false, true}) {
        BookingDone d{Lang::lv, &o, "PT-AB12-CD34", "pensijas", r.start, r.start + 1800, false, shared};
        std::string lv = booking_confirmation_page(real_strings(), opts(), d);
        BOOST_TEST(count(lv, "<h2 id=\"next-title\">Kas notiks tālāk</h2>") == 1u);
        BOOST_TEST(count(lv, "Ierodieties pirmdien, 2026. gada 21. decembrī, plkst. 9.00–9.30 klientu centrā “Zilupes VPVKAC”, "
                             "Raiņa iela 13, Zilupe.") == 1u, lv);
        BOOST_TEST(count(lv, "personu apliecinošu dokumentu") == 1u);
        BOOST_TEST(count(lv, "videozvanā") == 1u);
        BOOST_TEST(count(lv, "<li>Pase</li>") == 1u);
        BOOST_TEST(lv.find("rating-form") == std::string::npos, "no rating before the consultation");
        BOOST_TEST(lv.find("cancel only") == std::string::npos);
        // How to cancel later, as it really works here: this page's link, the calendar
        // file's link on a personal device (none on a shared PC), or a call.
        std::string cancel = lv.substr(lv.find("id=\"next-cancel\""), 600);
        BOOST_TEST(cancel.find("+371 65700000") != std::string::npos);
        BOOST_TEST((cancel.find("atcelšanas saiti kalendāra failā") != std::string::npos) == !shared, cancel);
        BOOST_TEST((cancel.find("atcelšanas saites nav") != std::string::npos) == shared, cancel);
        BOOST_TEST(count(lv, "class=\"cancel-link\"") == 1u);
    }
    BookingDone en{Lang::en, &o, "PT-AB12-CD34", "pensijas", r.start, r.start + 1800, false, false};
    std::string page = booking_confirmation_page(real_strings(), opts(), en);
    BOOST_TEST(count(page, "Come to Zilupe one-stop centre, Raiņa iela 13, Zilupe, on Monday 21 December 2026, 9:00–9:30.") == 1u,
               page);
    BOOST_TEST(count(page, "A specialist from the institution will talk to you by video at the contact point") == 1u);  // issue 14: natural English
    // A cancelled booking has nothing next.
    en.cancelled = true;
    BOOST_TEST(booking_confirmation_page(real_strings(), opts(), en).find("next-title") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(issue15_the_request_fields_are_named_once_in_the_core) {
    std::string names;
    for (auto& f : booking::kRequestTextFields) names += (names.empty() ? "" : " ") + std::string(f.name);
    BOOST_TEST(names == "institution topic contact_point name phone email lang note accessibility");
    auto o = offer();
    BookingForm f{Lang::en, &o, request(), {}, {}, false, "form-x", false};
    std::string check = booking_check_page(real_strings(), opts(), f);
    BOOST_TEST(fields_of(check, "booking-confirm") == names);
    BOOST_TEST(count(check, "data-time=\"/en/consultation/time/\"") == 1u, "where a refusal of the queued request leads");
    // Every field goes back with the confirmation once, as checked.
    auto form_at = check.find("id=\"booking-confirm\"");
    std::string form = check.substr(form_at, check.find("</form>", form_at) - form_at);
    for (auto& field : booking::kRequestTextFields)
        BOOST_TEST(count(form, "<input type=\"hidden\" name=\"" + std::string(field.name) + "\"") == 1u, field.name);
    for (auto& p : booking_pages(with_consultations(), real_strings(), opts()))
        if (p.path.find("offline") != std::string::npos) BOOST_TEST(fields_of(p.html, "booking-offline") == names, p.path);
    BOOST_TEST(booking::kMaxSlotDays == 120);
}
