//! `binhluan-restore`: restores the marks of each line of standard input, one line out for
//! each line in (batch use: `binhluan-restore < plain.txt > marked.txt`).

use std::io::{BufRead, BufWriter, Write};

fn main() -> std::io::Result<()> {
    let stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        writeln!(out, "{}", binhluan_diacritics::restore(&line?).text)?;
    }
    out.flush()
}
