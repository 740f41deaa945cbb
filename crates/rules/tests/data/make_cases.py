# Writes cases.json: the table of checked cases shared by the native and the browser tests.
# Run: python3 crates/rules/tests/data/make_cases.py  (the JSON is what the tests read).
import json, os, unicodedata

cases = []

def case(text, rules, note, policy=None, words=None, hints=None, hold=None):
    c = {"note": note, "text": text, "rules": sorted(rules)}
    if policy: c["policy"] = policy
    if words is not None: c["words"] = words
    if hints is not None: c["hints"] = hints
    if hold is not None: c["hold"] = hold
    cases.append(c)

COUNT = {"min_words": 0, "require_diacritics": False}
BASE = "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin bổ ích"
BASE2 = "Mình đọc xong thấy rất đồng cảm với những gì tác giả viết"

def nfd(s): return unicodedata.normalize("NFD", s)
def to_hop(s):
    # Unikey "Unicode tổ hợp": precomposed letter without its tone, then the combining tone.
    out = []
    for ch in unicodedata.normalize("NFC", s):
        d = unicodedata.normalize("NFD", ch)
        tones = [m for m in d[1:] if m in "\u0300\u0301\u0303\u0309\u0323"]
        if tones:
            rest = d[0] + "".join(m for m in d[1:] if m not in tones)
            out.append(unicodedata.normalize("NFC", rest) + tones[0])
        else:
            out.append(ch)
    return "".join(out)

# --- Word counting (words are Vietnamese syllables) ---------------------------------------
for text, n, note in [
    ("Tiếng Việt", 2, "two syllables"),
    ("hay.Cảm ơn", 3, "missing space after a full stop still splits words"),
    ("TP.HCM", 0, "acronyms with a dot are not words"),
    ("UBND TP HCM", 0, "all-caps acronyms are not words"),
    ("Tôi ở TP.HCM", 2, "words around an acronym"),
    ("VIỆT NAM VÔ ĐỊCH", 4, "shouting in capitals with marks counts, NAM beside VIỆT too"),
    ("hay hay hay hay hay hay hay hay hay hay", 2, "a repeated word counts twice"),
    ("Hay hay hay HAY", 2, "repeats are case-insensitive; unmarked capitals alone are an acronym"),
    ("hòa hoà Hòa", 2, "old and new tone placement are the same word"),
    ("ma mà má mả mã mạ", 6, "tones make different words"),
    ("Đắk Lắk, Krông Pắc, Kon Tum", 6, "Central Highlands names"),
    ("Chư Prông và Đăk Glong", 4, "more Highlands names (Glong is not a syllable)"),
    ("thủy thuỷ", 2, "two tone placements of one word, counted twice at most"),
    ("123 456 😀 !!! 15:40", 0, "numbers, emoji, punctuation"),
    ("iPhone Samsung Facebook", 0, "foreign and mixed-case words"),
    ("nghiêng ngả gập ghềnh", 4, "ngh, ng, gh onsets"),
    ("quốc quyết quý qua", 4, "qu onset"),
    ("gì giữ gìn giếng", 4, "gi onset"),
    ("ge ghan ce ngi kan", 0, "spelling rules for g/gh, c/k, ng/ngh"),
    ("hàt hảc", 0, "stop codas take only sắc or nặng"),
    ("Nguyễn Văn A", 3, "a capitalised single letter in a name"),
    ("@Hùng cảm ơn bạn", 3, "@mentions are not counted"),
    ("#SaPa đẹp quá", 2, "#hashtags are not counted"),
    (nfd("Tiếng Việt rất đẹp"), 4, "NFD input"),
    (to_hop("Tiếng Việt rất đẹp"), 4, "Unikey tổ hợp input"),
    ("Tie\u0301\u0302ng Vie\u0323\u0302t", 2, "tone typed before the circumflex"),
    ("Việ\u200bt Nam", 2, "zero-width space inside a word"),
    ("\u00d0à Nẵng", 2, "Icelandic eth folded to Đ"),
    ("ｈａｙ quá", 2, "fullwidth letters"),
    ("xoong nồi", 2, "oong rhyme"),
    ("ừ ở à", 3, "one-letter words"),
    ("vie65t nam", 1, "VNI residue is not a word"),
    ("bai viet rat hay", 2, "unaccented: bai and hay are syllables, viet and rat cannot be"),
    ("abc.com là trang gì", 3, "a link is not words"),  # links allowed below
    ("ok ko k dc đc vs", 0, "chat abbreviations"),
    ("khuya khuỷu uyên yêu", 4, "uy and yê rhymes"),
    ("thuở huơ", 2, "uơ rhyme"),
    ("Kông Chro", 2, "Highlands cluster onset chr"),
    ("Ea Súp", 2, "Highlands ea"),
    ("kon ko", 0, "k before o only in capitalised names of three letters or more"),
    ("Lý Mỹ Kỳ", 3, "bare y after an onset"),
    ("oẳn tù tì", 3, "oă rhyme"),
]:
    case(text, [], note, policy=dict(COUNT, links="allow"), words=n)

# --- min_words with the default policy ------------------------------------------------------
case("Hay quá", ["min_words"], "two words", words=2)
case("", ["min_words"], "empty comment", words=0)
case("   ", ["min_words"], "only spaces", words=0)
case("😀😀😀👍", ["min_words"], "only emoji", words=0)
case("Bài viết rất hay, cảm ơn tác giả đã", ["min_words"], "nine words", words=9)
case("Bài viết rất hay, cảm ơn tác giả đã chia", [], "ten words", words=10)
case("Tuyệt vời tuyệt vời tuyệt vời tuyệt vời tuyệt vời", ["min_words"], "repeats do not pad", words=4)
case("hay hay hay hay hay hay hay hay hay hay hay hay", ["min_words", "diacritics"], "one word repeated, no marks", words=2)
case("Đúng vậy!!! 100% đồng ý 👍👍👍 10 điểm", ["min_words"], "numbers and emoji do not count", words=5)
case(BASE, [], "genuine comment", words=15)
case("Bài viết rất hay", ["min_words"], "too short", policy={"min_words": 5}, words=4)
case("Đúng", [], "min_words 0 allows one word", policy={"min_words": 0}, words=1)
case("Hay", ["diacritics"], "no marked word at all is no evidence of marks", policy={"min_words": 0}, words=1, hints=["no_diacritics"])
case("Rất đúng, cảm ơn", ["min_words"], "without diacritics required the message drops có dấu", policy={"require_diacritics": False}, words=4)

# --- diacritics: genuine comments pass ------------------------------------------------------
for text in [
    "Anh em ai lên Sa Pa tuần này cho em xin kinh nghiệm thuê xe với.",
    "Cho em hỏi anh chị nào biết chỗ thuê xe máy ở Sa Pa không ạ?",
    "Em ở Lào Cai, thấy Sa Pa giờ khác xưa nhiều lắm, đông khách quá.",
    "Cán bộ làm gương thì dân mới tin, chuyện này ai cũng hiểu mà.",
    "Mong chính quyền quan tâm hơn nữa tới bà con vùng cao các xã.",
    "Đọc bài này xong thấy tự hào về quê hương mình ghê các bạn ạ.",
    "Anh Hùng nói đúng, cái gì cũng phải bắt đầu từ cái nhỏ nhất.",
    "Hay quá, cho mình xin link bài gốc với, mình muốn đọc thêm nữa.",
    "Em cảm ơn tác giả, em sẽ chia sẻ cho mọi người cùng đọc ạ.",
    "Xin hỏi tới mùa đông năm nay Sa Pa có tuyết không mọi người?",
    "Hoa đào Sa Pa năm nay nở sớm, anh em đi chơi nhớ mang áo ấm.",
    "Hồ Chí Minh là tấm gương sáng cho các thế hệ noi theo mãi mãi.",
    nfd("Anh em ai lên Sa Pa tuần này cho em xin kinh nghiệm thuê xe với."),
    to_hop("Anh em ai lên Sa Pa tuần này cho em xin kinh nghiệm thuê xe với."),
    "VIỆT NAM VÔ ĐỊCH! Cả nhà mình đã xem trận chung kết tối qua rồi.",
    "Đắk Lắk mùa này cà phê nở hoa trắng đồi, ai lên Buôn Ma Thuột chưa?",
    "Mình dùng iPhone và Samsung đều thấy ứng dụng này chạy ổn định lắm.",
    "Ủy ban nhân dân xã cần họp dân để giải thích rõ hơn về dự án này.",
]:
    case(text, [], "genuine accented comment")

# --- diacritics: unaccented -----------------------------------------------------------------
for text, extra in [
    ("Bai viet rat hay, cam on tac gia da chia se thong tin bo ich nay", []),
    ("Toi thay bai nay viet rat dung, mong chinh quyen quan tam hon nua", []),
    ("Cho em hoi anh chi nao biet cho thue xe may o Sa Pa khong a", []),
    ("Doc bai nay xong thay tu hao ve que huong minh qua cac ban oi", []),
    ("Can bo lam guong thi dan moi tin, chuyen nay ai cung hieu ma", []),
    ("Bai viet rat hay, cam on tac gia", ["min_words"]),
    ("Hay qua, cam on ban nhieu nhe, chuc ban mot ngay vui ve va hanh phuc", []),
    ("Nguoi dan o day rat than thien va hieu khach, toi se quay lai", ["min_words"]),
    (nfd("Bai viet rat hay, cam on tac gia da chia se thong tin bo ich nay"), []),
    ("BAI VIET RAT HAY CAM ON TAC GIA DA CHIA SE THONG TIN BO ICH NAY", []),
]:
    case(text, ["diacritics"] + extra, "typed without marks", hints=["no_diacritics"])
case("Bai viết rat hay, cam on tac gia da chia se thong tin bo ich nay", ["diacritics"], "one marked word does not save an unaccented comment", hints=["no_diacritics"])
case("Anh em ai cho xin kinh nghiem thue xe di Sa Pa voi, cam on nhieu", ["diacritics"], "unaccented even with common unmarked words", hints=["no_diacritics"])

# --- diacritics: keyboard residue -----------------------------------------------------------
for text, extra in [
    ("Baif vieets raats hay, camr own tacs giar nhieeuf", ["min_words"]),
    ("Baif vieets raats hay", ["min_words"]),
    ("Tooi thaays baif nayf vieets raats ddungs, mong chinhs quyeenf quan taam", ["min_words"]),
    ("Nguwowif daan owr ddaay raats thaan thieenj vaf hieeus khachs", ["min_words"]),
    ("Bài vie65t ra61t hay, ca3m o7n ta1c gia3 nhie62u la81m", ["min_words"]),
    ("Tie61ng Vie65t cu3a chu1ng ta ra61t hay va2 d9e5p", ["min_words"]),
    ("Cho em hoir anh chij naof bieets choox thueeu xe mays", ["min_words"]),
]:
    case(text, ["diacritics"] + extra, "Telex/VNI typed with the keyboard's Vietnamese mode off", hints=["keyboard_off"])

# --- diacritics: legacy encodings and VIQR --------------------------------------------------
for text in [
    "TiÕng ViÖt cña chóng ta rÊt hay vµ ®Ñp l¾m c¸c b¹n ¬i",
    "Ng\u00adêi d©n ë ®©y rÊt th©n thiÖn vµ hiÕu kh¸ch",
    "Tieáng Vieät cuûa chuùng ta raát hay vaø ñeïp laém caùc baïn ôi",
    "Ngöôøi daân ôû ñaây raát thaân thieän vaø hieáu khaùch",
    "Tie^'ng Vie^.t cu?a chu'ng ta ra^'t hay va` dde.p la('m",
    "Ngu+o+`i da^n o+? dda^y ra^'t tha^n thie^.n va` hie^'u kha'ch",
]:
    case(text, ["diacritics", "min_words"], "legacy encoding mojibake or VIQR", hints=["legacy_encoding"])

# --- diacritics: not Vietnamese -------------------------------------------------------------
for text in [
    "This article is really great, thanks to the author for sharing it with us",
    "Great news! I will visit Sapa next month with my family and friends",
    "Das ist ein sehr guter Artikel über die Stadt in den Bergen",
    "这篇文章写得很好，谢谢作者分享",
    "Very good article, thank you so much for the information",
]:
    case(text, ["diacritics", "min_words"], "not Vietnamese", hints=["not_vietnamese"])

# --- links ----------------------------------------------------------------------------------
for link in [
    "abc.com", "https://abc.vn/bai-viet?id=1", "http://abc.xyz", "www.abc.com.vn", "abc.com.vn",
    "bit.ly/3xYzAb", "zalo.me/0912345678", "t.me/nhacai88", "fb.com/trang.cua.toi",
    "tinyurl.com/abcd", "nhacai88.net", "shopee.vn/sp/123", "192.168.1.10:8080",
    "10.0.0.1/admin", "lienhe@gmail.com", "ten.ho@congty.com.vn", "[bấm vào đây](https://abc.vn)",
    "[bấm vào đây](abc)", "<a href=\"https://abc.vn\">xem</a>", "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "abc . com", "abc[.]com", "abc(.)com", "abc(dot)com",
    "abc [dot] com", "abc dot com", "nhacai88 chấm com", "nhacai88 cham com", "abc。com", "abc．com",
    "ａｂｃ．ｃｏｍ", "ab\u200bc.com", "a\u200db\u2060c.c\u00adom", "w w w . abc . com", "w w w.abc.com",
    "h t t p s : / / abc.com", "hxxp://abc.com", "hxxps://abc[.]com", "abc (at) gmail (dot) com",
    "abc a còng gmail chấm com", "abc@gmail(dot)com", "FB.COM", "Google.Com/maps", "nhà-cái.com",
    "ok.la", "xong.me", "https : // abc . com", "mailto:ban@abc.vn", "abc.io", "abc.ai/x",
    "vnexpress.net", "HTTPS://ABC.VN",
]:
    case(BASE + " " + link, ["no_links"], "a link: " + link)
case(BASE + " abc.com và xyz.net", ["no_links"], "two links")

# --- not links ------------------------------------------------------------------------------
for thing in [
    "TP.HCM", "Tp.HCM", "Q.1", "v.v.", "3.5", "15.40", "1.000.000 đồng", "2.500.000đ", "Mr.Hùng",
    "ThS.BS Lan", "PGS.TS Hải", "17.05.2020", "1.2.3", "v2.0", "@hungnguyen", "#SaPa2020",
    "Tp.Lào Cai", "P.5", "TT.Huế", "iOS 17.2", "192.168.1.1", "5.5km", "12h30", "0912.345.678",
    "hay.Nhưng", "ngày 17.5", "St.Peter", "a.m.", "No.1", "e.g.", "U.S.A", "Ph.D", "Ltd.",
    "H.Sa Pa", "1.5tr", "Đ.Trần Phú",
]:
    case(BASE + ", " + thing + " nhé", [], "not a link: " + thing)
case("Bài viết rất hay.Nhưng tôi vẫn muốn biết thêm về chuyện này", [], "a missing space after a full stop is not a link")
case("Tôi ở TP.HCM, Q.1, lương 15.500.000đ, giờ làm 8.30 sáng, v.v. thế thôi mà bạn ạ", [], "city, district, money, time")
case("Chị Mai nói: 'hay đấy'. Còn tôi thì sao? Data: chưa có số liệu cụ thể nào cả", [], "Data followed by a space is not a data: URL")
case("Cái này http là gì vậy mọi người, em không hiểu lắm về mạng máy tính", [], "the word http alone is not a link")

# --- hold and allow -------------------------------------------------------------------------
case(BASE + " abc.com", [], "a link under Hold is held, not rejected", policy={"links": "hold"}, hold=True, hints=["held_for_review"])
case(BASE + " nhacai88 chấm com", [], "a disguised link under Hold is held", policy={"links": "hold"}, hold=True, hints=["held_for_review"])
case(BASE, [], "no link under Hold is not held", policy={"links": "hold"}, hold=False, hints=[])
case(BASE + " https://abc.vn", [], "links allowed", policy={"links": "allow"}, hold=False, hints=[])
case("Bai viet rat hay abc.com", ["diacritics", "min_words"], "held links do not hide other violations", policy={"links": "hold"}, hold=True)

# --- max length (in characters as the reader sees them) -------------------------------------
ML = {"min_words": 0, "require_diacritics": False}
case("Việt Nam", [], "8 characters fit in 8", policy=dict(ML, max_chars=8))
case("Việt Nam!", ["max_length"], "9 characters do not fit in 8", policy=dict(ML, max_chars=8))
case(nfd("Việt Nam"), [], "NFD letters count once", policy=dict(ML, max_chars=8))
case("Vie\u0302\u0323t Nam", [], "a letter with two combining marks counts once", policy=dict(ML, max_chars=8))
case("👨\u200d👩\u200d👧\u200d👦👍🏽🇻🇳❤\ufe0f", [], "emoji sequences count once each", policy=dict(ML, max_chars=4))
case("👨\u200d👩\u200d👧\u200d👦👍🏽🇻🇳❤\ufe0f!", ["max_length"], "and a fifth character is too many", policy=dict(ML, max_chars=4))
case("a\u200bb\u200bc", [], "invisible characters do not count", policy=dict(ML, max_chars=3))
case("1\ufe0f\u20e3#\ufe0f\u20e3", [], "keycaps count once", policy=dict(ML, max_chars=2))
case(BASE + " " + "rất " * 600, ["max_length"], "default limit 2000", words=16)
case("x" * 2000, ["min_words", "diacritics"], "2000 characters fit the default limit")

# --- banned words ---------------------------------------------------------------------------
BW = {"banned_words": ["ngu", "đồ ngốc", "lừa đảo", "spam"]}
for text, rules, note in [
    (BASE + ", đồ ngu", ["banned_word"], "unmarked entry"),
    (BASE + ", NGU quá", ["banned_word"], "any case"),
    (BASE + ", ngủ ngon nhé", ["banned_word"], "an unmarked entry matches any marks"),
    (BASE + ", anh Nguyễn nói đúng", [], "whole words only"),
    (BASE + ", đồ ngốc", ["banned_word"], "a phrase with marks"),
    (BASE + ", đồ ngọc quý", [], "a marked entry needs its marks"),
    (BASE + ", n g u", ["banned_word"], "spelled out with spaces"),
    (BASE + ", n.g.u", ["banned_word"], "spelled out with dots"),
    (BASE + ", nguuuuu", ["banned_word"], "repeated letters"),
    (BASE + ", ng\u200bu", ["banned_word"], "zero-width space inside"),
    (BASE + ", toàn sp4m", ["banned_word"], "a digit for a letter"),
    (BASE + ", bọn LỪA ĐẢO", ["banned_word"], "a phrase in capitals"),
    (BASE + ", lừa đảo", ["banned_word"], "a phrase"),
    (BASE + ", lừa người ta đảo", [], "a phrase needs its words in a row"),
]:
    case(text, rules, "banned word: " + note, policy=BW)
case(BASE + ", ngu", [], "no banned list, nothing banned")

# --- several rules at once, and rule order --------------------------------------------------
case("Bai viet hay abc.com", ["min_words", "diacritics", "no_links"], "three rules at once")
case("Baif vieets hay, xem bit.ly/abc", ["min_words", "diacritics", "no_links"], "residue and a link")
case("hay " * 700, ["min_words", "diacritics", "max_length"], "long and repetitive")

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.json"), "w", encoding="utf-8") as f:
    json.dump(cases, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(cases), "cases")
