#include "form/form.hpp"

namespace pietura::form {

std::string field_message(const std::string& code, Lang lang) {
    bool lv = lang == Lang::lv;
    if (code == "required") return lv ? "Aizpildiet šo lauku." : "Fill in this field.";
    if (code == "too_long") return lv ? "Teksts ir par garu." : "The text is too long.";
    if (code == "phone")
        return lv ? "Ierakstiet Latvijas tālruņa numuru: +371 un 8 cipari, piemēram, +371 29 123 456."
                  : "Enter a Latvian phone number: +371 and 8 digits, for example +371 29 123 456.";
    if (code == "email")
        return lv ? "Ierakstiet e-pasta adresi, piemēram, vards@example.lv." : "Enter an e-mail address, like name@example.lv.";
    if (code == "contact")
        return lv ? "Ierakstiet tālruni vai e-pastu, lai mēs varētu sazināties." : "Enter a phone number or an e-mail so we can reach you.";
    if (code == "choice") return lv ? "Izvēlieties vienu no piedāvātajām iespējām." : "Choose one of the options offered.";
    if (code == "text") return lv ? "Tekstā ir neatļautas rakstzīmes." : "The text holds characters that are not allowed.";
    if (code == "encoding")
        return lv ? "Tekstā ir bojātas rakstzīmes (nav derīgs UTF-8). Izdzēsiet to un ierakstiet vēlreiz."
                  : "The text holds damaged characters (not valid UTF-8). Delete it and type it again.";
    if (code == "bidi")
        return lv ? "Tekstā ir neredzamas rakstzīmes, kas maina teksta virzienu. Izdzēsiet tās un ierakstiet tekstu vēlreiz."
                  : "The text holds invisible characters that change its direction. Delete them and type the text again.";
    if (code == "invisible")
        return lv ? "Šeit ir tikai neredzamas rakstzīmes vai atstarpes. Ierakstiet tekstu ar burtiem."
                  : "This holds only invisible characters or spaces. Type the text in letters.";
    if (code == "personal_code")
        return lv ? "Neierakstiet personas kodu: konsultācijai tas nav vajadzīgs. Izdzēsiet to no teksta."
                  : "Do not write a personal code: the consultation does not need it. Delete it from the text.";
    if (code == "slot") return lv ? "Šis laiks nav pieejams. Izvēlieties citu." : "This time is not available. Choose another.";
    return code;
}

}  // namespace pietura::form
