-- wrk script: POST /api/articles/{slug}/comments with a unique Idempotency-Key and a valid
-- Vietnamese comment per request. wrk.path is set by load.sh.

local threads = 0

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
   local key = string.format("bench-%d-%d-%d", salt, thread_number, sent)
   local body = string.format(
      '{"author_name":"Bạn đọc %d","author_email":"ban.doc%d@example.vn",' ..
      '"content":"Bình luận số %d của luồng %d: bài viết rất hay và ý nghĩa, cảm ơn tòa soạn đã đưa tin về Sa Pa."}',
      thread_number, thread_number, sent, thread_number)
   return wrk.format("POST", nil, { ["Content-Type"] = "application/json", ["Idempotency-Key"] = key }, body)
end
