-- wrk script: POST a valid Vietnamese comment per request. wrk.path is set by the script that
-- runs it.
--   binhluan-server (default): POST /api/articles/{slug}/comments with a unique Idempotency-Key;
--   Isso (POST_FORMAT=isso, isso.sh): POST /new?uri=/{slug} with the same author, e-mail and
--   text (Isso has no Idempotency-Key), and a title that spares Isso fetching the page.

local threads = 0
local isso = os.getenv("POST_FORMAT") == "isso"

function setup(thread)
   thread:set("thread_number", threads)
   threads = threads + 1
end

function init(args)
   sent = 0
   math.randomseed(os.time() * 1000 + thread_number)
   salt = math.random(1, 1000000000)
end

function request()
   sent = sent + 1
   local author = string.format("Bạn đọc %d", thread_number)
   local email = string.format("ban.doc%d@example.vn", thread_number)
   local text = string.format(
      "Bình luận số %d của luồng %d: bài viết rất hay và ý nghĩa, cảm ơn tòa soạn đã đưa tin về Sa Pa.",
      sent, thread_number)
   if isso then
      local body = string.format(
         '{"author":"%s","email":"%s","title":"Lan tỏa việc học và làm theo Bác ở Sa Pa","text":"%s"}',
         author, email, text)
      return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
   end
   local key = string.format("bench-%d-%d-%d", salt, thread_number, sent)
   local body = string.format('{"author_name":"%s","author_email":"%s","content":"%s"}', author, email, text)
   return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
