# Writes cases.json: the table of checked cases shared by the native and the browser tests.
# Run: python3 crates/rules/tests/data/make_cases.py  (the JSON is what the tests read).
import json, os, unicodedata

cases = []

def case(text, rules, note, policy=None, words=None, hints=None, hold=None, held_for=None):
    c = {"note": note, "text": text, "rules": sorted(rules)}
    if policy: c["policy"] = policy
    if words is not None: c["words"] = words
    if hints is not None: c["hints"] = hints
    if hold is not None: c["hold"] = hold
    if held_for is not None: c["held_for"] = held_for
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
    # Internationalized domains, top-level domains in capitals or spelled out, IPv4.
    "президент.рф", "ПРЕЗИДЕНТ.РФ", "Президент.рф", "百度.中国", "bộcôngan.vn", "BỘCÔNGAN.VN",
    "bộ-công-an.vn", "bộcôngan.com.vn", "Example-Shop.COM", "shop.COM", "example.c o m",
    "example . c o m", "example.C O M", "192.168.1.1:8080", "192.168.1.1:8080/admin",
    "(10.0.0.1/admin)", "http://192.168.1.1", "ip 172.16.0.5/login",
]:
    case(BASE + " " + link, ["no_links"], "a link: " + link)
case(BASE + " abc.com và xyz.net", ["no_links"], "two links")

# --- not links ------------------------------------------------------------------------------
for thing in [
    "TP.HCM", "Tp.HCM", "Q.1", "v.v.", "3.5", "15.40", "1.000.000 đồng", "2.500.000đ", "Mr.Hùng",
    "ThS.BS Lan", "PGS.TS Hải", "17.05.2020", "1.2.3", "v2.0", "@hungnguyen", "#SaPa2020",
    "Tp.Lào Cai", "P.5", "TT.Huế", "iOS 17.2", "192.168.1.1", "5.5km", "12h30",
    "hay.Nhưng", "ngày 17.5", "St.Peter", "a.m.", "No.1", "e.g.", "U.S.A", "Ph.D", "Ltd.",
    "H.Sa Pa", "1.5tr", "Đ.Trần Phú", "1.2.3.4", "bản 10.0.19045.3803", "hay.VN vô địch",
    "Visual Studio.NET", "đẹp.COM", "hay. Com", "đúng.Được", "hay.CA", "xem.TV", "Nói.COM", "Hà Nội. COM",
]:
    case(BASE + ", " + thing + " nhé", [], "not a link: " + thing)
case("Bài viết rất hay.Nhưng tôi vẫn muốn biết thêm về chuyện này", [], "a missing space after a full stop is not a link")
case("Tôi ở TP.HCM, Q.1, lương 15.500.000đ, giờ làm 8.30 sáng, v.v. thế thôi mà bạn ạ", [], "city, district, money, time")
case("Chị Mai nói: 'hay đấy'. Còn tôi thì sao? Data: chưa có số liệu cụ thể nào cả", [], "Data followed by a space is not a data: URL")
case("Cái này http là gì vậy mọi người, em không hiểu lắm về mạng máy tính", [], "the word http alone is not a link")

# --- contacts -------------------------------------------------------------------------------
for contact in [
    "LH 0912 345 678", "liên hệ 0912.345.678", "lien he 0912345678", "Zalo: 0987654321",
    "zalo 09xx.xxx.xxx", "zalo 09xx xxx xxx", "lh 0912 xxx 678", "sđt 0912-345-678",
    "SĐT:0912345678", "sdt0912345678", "Hotline 1900 6868", "hotline: 1800.1234",
    "gọi ngay 0388 123 456", "call 0777 888 999", "tel (028) 3822 1234", "024 3825 1234",
    "+84 912 345 678", "+84912345678", "(+84) 912 345 678", "0084 912 345 678",
    "zalo 84 912 345 678", "0912345678",
    "091 234 5678", "0 9 1 2 3 4 5 6 7 8", "0912 34 56 78", "inbox 0912345678",
    "liên hệ em 09.12.34.56.78", "Điện thoại: 0912 345 678", "đt 0912.345.xxx",
    "09\u200b12345678", "０９１２３４５６７８", "không chín một hai ba bốn năm sáu bảy tám",
    "khong chin mot hai ba bon nam sau bay tam", "KHÔNG CHÍN MỘT HAI BA BỐN NĂM SÁU BẢY TÁM",
    "không-chín-một-hai-ba-bốn-năm-sáu-bảy-tám", "0 chín 1 hai 3 bốn 5 sáu 7 tám",
    "0912 ba bốn năm sáu bảy tám", "zalo không chín một hai ba bốn năm", "zalo: tuan_88",
    "zalo @hoa.kim", "kết bạn zalo nv123 nhé", "telegram: banhang24h", "LH 0912345678 hoặc 0987654321",
]:
    case(BASE + " " + contact, ["no_contacts"], "a contact: " + contact)
case(BASE + " zalo 0912345678, hoặc gọi 0987 654 321", ["no_contacts"], "two contacts")
for contact in ["ten @ gmail.com", "ten.ho @ yahoo.com.vn"]:
    case(BASE + " " + contact, ["no_contacts", "no_links"], "an e-mail address spaced around @ is a contact beyond its link: " + contact)
case(BASE + " zalo.me/0912345678 hoặc LH 0987654321", ["no_contacts", "no_links"], "a link and a contact")
for contact in ["lienhe@gmail.com", "ten [at] gmail [dot] com", "ten@gmail. com",
                "abc a còng gmail chấm com", "zalo.me/0912345678"]:
    case(BASE + " " + contact, ["no_links"], "a contact inside a refused link is told once, as a link: " + contact)
    case(BASE + " " + contact, ["no_contacts"], "a contact inside an allowed link: " + contact, policy={"links": "allow"})

# --- not contacts ---------------------------------------------------------------------------
for thing in [
    "năm 2024", "ngày 12/05/2024", "ngày 3.4", "17.05.2020", "lúc 14h30", "lúc 9:15",
    "1.500.000 đồng", "2,5 tỷ", "500k", "tăng 15%", "tỷ số 3-1", "thắng 2 - 0", "Chỉ thị 05",
    "Quy định 28", "Nghị định 100/2019/NĐ-CP", "Điều 5 khoản 2", "98.000.000 dân",
    "19.000 - 26.000 đồng", "07.30-08.45-09.15", "mã số thuế 0312345678", "MST: 0312345678",
    "CCCD 001099012345", "ISBN 0738202754", "iPhone 15 Pro Max 256GB", "km 1234+500",
    "từ 05.03.2024 đến 05.04.2024", "ngày 30 - 4 - 1975", "1.1.2025", "mùa 2023-2024",
    "gọi 113 hoặc 115", "số 135/17", "QL1A", "Zalo Pay", "dùng zalo nhé", "Zalo 2.0",
    "@hung88", "bốn năm sau", "ba năm sau bảy tám người", "một hai ba bốn năm sáu bảy tám chín",
    "84.912.345.678 đồng", "0,5 - 0,7 điểm",
]:
    case(BASE + ", " + thing + " nhé", [], "not a contact: " + thing)
for text in [
    "Giá vàng hôm nay tăng lên 89.500.000 đồng một lượng, cao nhất từ trước tới nay.",
    "Trận đấu kết thúc với tỷ số 3-1, đội tuyển Việt Nam chơi quá hay các bác ạ.",
    "Theo Nghị định 100/2019/NĐ-CP thì mức phạt nồng độ cồn bây giờ rất nặng.",
    "Dân số Việt Nam đã vượt 98.000.000 người vào năm 2021 theo số liệu thống kê.",
    "Ngày 12/05/2024 lúc 14h30 sẽ có buổi họp dân tại nhà văn hóa khu phố.",
    "Chỉ thị 05 và Quy định 28 đã được triển khai rộng rãi ở các địa phương rồi.",
    "Điều 5 khoản 2 của luật này quy định rõ trách nhiệm của chủ đầu tư dự án.",
    "Lương tháng 15 triệu mà tiền nhà đã mất 5tr, còn lại 10tr thì sống sao nổi.",
    "Giá xăng RON 95 giảm 500 đồng, còn 23.450 đồng mỗi lít từ 15h chiều nay.",
    "Căn hộ 2,5 tỷ ở quận 7 thì người lao động bình thường sao mua nổi hả các bác.",
    "Tôi sinh năm 1985, làm ở đây từ 2005 đến 2024 là gần 20 năm rồi đấy.",
    "Lãi suất 6,5% một năm cho khoản vay 500 triệu thì mỗi tháng trả bao nhiêu vậy?",
    "Chuyến bay VN 245 khởi hành lúc 9:15 bị hoãn tới 11:40, hành khách chờ mệt mỏi.",
    "Đội nhà thắng 2 - 0 ở lượt đi và hòa 1 - 1 ở lượt về, xứng đáng vào chung kết.",
    "Quốc lộ 1A đoạn km 1234 đến km 1240 đang sửa, anh em đi lại cẩn thận nhé.",
    "Gọi 113 hoặc 115 khi có sự cố, đừng đăng lên mạng rồi chờ người khác giúp.",
    "Nhà tôi ở số 135/17 đường Nguyễn Huệ, phường 5, quận 3 mà cũng bị ngập nặng.",
    "Hơn 1.200 ca mắc mới trong ngày 3.4, tăng 15% so với tuần trước đó các bạn ạ.",
    "Giải thưởng 500k cho người trả lời đúng thì ít quá, ban tổ chức nên tăng thêm.",
    "Mùa giải 2023-2024 đội nhà đứng thứ 3 với 65 điểm sau 38 vòng đấu, quá tiếc.",
    "Mã số thuế 0312345678 của công ty này đã bị khóa từ tháng trước rồi các bạn.",
    "Vụ việc xảy ra khoảng 07.30-08.45 sáng nay trên đường Lê Lợi, may mà không ai bị thương.",
    "Một hai ba bốn năm sáu bảy tám chín mười, con tôi đếm được rồi, vui quá các bác ơi.",
    "Ba năm sau, hai anh em mới gặp lại nhau ở bến xe, ai cũng khóc vì mừng.",
    "Từ 1.1.2025, mức lương cơ sở tăng lên 2.340.000 đồng một tháng, vẫn thấp quá.",
    "Năm 1946 sau 20 năm xa quê ông mới trở về, cả làng ra đón như ngày hội.",
    "Nghe tin này tôi gọi điện về nhà ngay, mẹ bảo mọi người vẫn khỏe cả.",
    "Zalo bây giờ thu phí tài khoản, mình chuyển sang dùng ứng dụng khác cho rồi.",
    "Ai có số điện thoại của phường thì cho mình xin với, mình cần báo gấp việc này.",
]:
    case(text, [], "a comment with numbers but no contact")

# --- hold and allow -------------------------------------------------------------------------
case(BASE + " abc.com", [], "a link under Hold is held, not rejected", policy={"links": "hold"}, hold=True, hints=["held_for_review"])
case(BASE + " nhacai88 chấm com", [], "a disguised link under Hold is held", policy={"links": "hold"}, hold=True, hints=["held_for_review"])
case(BASE, [], "no link under Hold is not held", policy={"links": "hold"}, hold=False, hints=[])
case(BASE + " https://abc.vn", [], "links allowed", policy={"links": "allow"}, hold=False, hints=[])
case("Bai viet rat hay abc.com", ["diacritics", "min_words"], "held links do not hide other violations", policy={"links": "hold"}, hold=True)
case(BASE + " LH 0912 345 678", [], "a contact under Hold is held, not rejected", policy={"contacts": "hold"}, hold=True, hints=["held_for_review"])
case(BASE + " zalo không chín một hai ba bốn năm", [], "spelled digits under Hold are held", policy={"contacts": "hold"}, hold=True, hints=["held_for_review"])
case(BASE, [], "no contact under Hold is not held", policy={"contacts": "hold"}, hold=False, hints=[])
case(BASE + " LH 0912 345 678", [], "contacts allowed", policy={"contacts": "allow"}, hold=False, hints=[])
case(BASE + " abc.com LH 0912 345 678", [], "a link and a contact both held: one hint", policy={"links": "hold", "contacts": "hold"}, hold=True, hints=["held_for_review"])
case(BASE + " abc.com LH 0912 345 678", ["no_links"], "a held contact beside a refused link", policy={"contacts": "hold"}, hold=True, hints=["held_for_review"])
case(BASE + " abc.com LH 0912 345 678", ["no_contacts"], "a held link beside a refused contact", policy={"links": "hold"}, hold=True, hints=["held_for_review"])
case(BASE + " lienhe@gmail.com", ["no_contacts"], "an e-mail under held links is still a refused contact", policy={"links": "hold"}, hold=True)
case(BASE + " LH 0912 345 678", ["no_contacts"], "a policy without contacts (an older file) rejects them", policy={"links": "allow"})
case("Bai viet rat hay LH 0912345678", ["diacritics", "min_words"], "held contacts do not hide other violations", policy={"contacts": "hold"}, hold=True)

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

# --- suspect words: held for a moderator, never refused ------------------------------------
SW = {"suspect_words": ["xổ số", "nhà cái", "vay"]}
for text, held, note in [
    (BASE + ", ai chơi xổ số không", True, "a phrase with marks"),
    (BASE + ", XỔ SỐ miền Bắc", True, "any case"),
    (nfd(BASE + ", xổ số miền Nam"), True, "typed decomposed"),
    (BASE + ", nhà  cái uy tín", True, "a phrase with two spaces"),
    (BASE + ", v.a.y", True, "spelled out with dots"),
    (BASE + ", vay nhanh", True, "an unmarked entry"),
    (BASE + ", váy đẹp", True, "an unmarked entry matches any marks"),
    (BASE + ", xổ ra số", False, "a phrase needs its words in a row"),
    (BASE + ", vaynhanh", False, "whole words only"),
    (BASE, False, "nothing suspect"),
]:
    case(text, [], "suspect word: " + note, policy=SW, hold=held,
         held_for=["suspect_word"] if held else [], hints=["held_for_review"] if held else [])
case(BASE + ", xổ số", [], "no suspect list, nothing held", hold=False, held_for=[])
case(BASE + ", xổ số abc.com", [], "a held link and a suspect word: both causes",
     policy=dict(SW, links="hold"), hold=True, held_for=["no_links", "suspect_word"], hints=["held_for_review"])
case(BASE + ", lừa đảo xổ số", ["banned_word"], "a banned word is refused, a suspect word beside it still noted",
     policy=dict(SW, banned_words=["lừa đảo"]), hold=True, held_for=["suspect_word"])
case(BASE + " LH 0912 345 678", [], "a held contact says why", policy={"contacts": "hold"}, hold=True, held_for=["no_contacts"])

# --- several rules at once, and rule order --------------------------------------------------
case("Bai viet hay abc.com", ["min_words", "diacritics", "no_links"], "three rules at once")
case("Baif vieets hay, xem bit.ly/abc", ["min_words", "diacritics", "no_links"], "residue and a link")
case("hay " * 700, ["min_words", "diacritics", "max_length"], "long and repetitive")
case("Bai viet hay LH 0912345678", ["min_words", "diacritics", "no_contacts"], "three rules at once, with a contact")

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cases.json"), "w", encoding="utf-8") as f:
    json.dump(cases, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(cases), "cases")
