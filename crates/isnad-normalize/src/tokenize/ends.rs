//! Where tokens end: words, numbers, hashtags and mentions, URLs and e-mails.

use super::*;

/// The end of a word starting at `i`: word chars, controls between word chars, and digits
/// only after a non-Arabic char.
pub(super) fn word_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = i;
    let mut previous_arabic = false;
    let mut pos = i;
    loop {
        // Fast path: Arabic letters and harakat U+0620–065F, as two-byte sequences D8 A0 – D9 9F.
        while pos + 1 < bytes.len()
            && ((bytes[pos] == 0xD8 && bytes[pos + 1] >= 0xA0) || (bytes[pos] == 0xD9 && bytes[pos + 1] <= 0x9F))
        {
            previous_arabic = true;
            pos += 2;
            end = pos;
        }
        let Some(c) = decode_at(text, pos) else { break };
        if is_invisible_control(c) {
            let run_end = control_run_end(text, pos);
            match decode_at(text, run_end) {
                Some(next) if is_word_char(next) && !(is_digit(next) && previous_arabic) => {
                    pos = run_end;
                    continue;
                }
                _ => break,
            }
        }
        if !is_word_char(c) || (is_digit(c) && previous_arabic) {
            break;
        }
        // Marks and tatweel keep the script of the letter before them.
        if c.is_ascii() || (!is_arabic_script(c) && !unicode_normalization::char::is_combining_mark(c)) {
            previous_arabic = false;
        } else if is_arabic_script(c) && c != 'ـ' {
            previous_arabic = true;
        }
        pos += c.len_utf8();
        end = pos;
    }
    end
}

/// The end of a number starting with a digit at `i`: digits, single separators between
/// digits (`3.5`, `1,200`, `٣٫٥`), and a percent sign right after (`97%`, `٩٧٪`).
pub(super) fn number_end(text: &str, i: usize) -> usize {
    let mut pos = i;
    loop {
        while let Some(c) = decode_at(text, pos).filter(|&c| is_digit(c)) {
            pos += c.len_utf8();
        }
        match decode_at(text, pos) {
            Some(sep) if is_number_separator(sep) => {
                let next = pos + sep.len_utf8();
                if decode_at(text, next).is_some_and(is_digit) {
                    pos = next;
                    continue;
                }
                return pos;
            }
            Some(p) if is_percent(p) => return pos + p.len_utf8(),
            _ => return pos,
        }
    }
}

/// The end of a hashtag's or mention's name starting at `i` (`i` itself if there is none).
pub(super) fn tag_end(text: &str, i: usize) -> usize {
    let mut pos = i;
    while let Some(c) = decode_at(text, pos) {
        if !(is_word_char(c) || c == '_') {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

pub(super) fn starts_with_ignore_case(text: &str, i: usize, prefix: &str) -> bool {
    text.as_bytes().get(i..i + prefix.len()).is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Chars that end a URL: whitespace, quotes and angle brackets, Arabic punctuation.
pub(super) fn ends_url(c: char) -> bool {
    c.is_whitespace()
        || is_invisible_control(c)
        || matches!(c, '"' | '<' | '>' | '«' | '»' | '“' | '”' | '‘' | '’' | '،' | '؛' | '؟' | '…')
}

/// A URL at `i` (`http://`, `https://`, `www.`, or a bare domain with a common top-level
/// domain such as `aawsat.com/…`), without trailing punctuation.
pub(super) fn url_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes.get(i)?.is_ascii_alphanumeric() {
        return None;
    }
    let body = if starts_with_ignore_case(text, i, "http://") {
        i + 7
    } else if starts_with_ignore_case(text, i, "https://") {
        i + 8
    } else if starts_with_ignore_case(text, i, "www.") {
        i + 4
    } else {
        bare_domain_end(text, i)?
    };
    let mut end = body;
    for c in text[body..].chars() {
        if ends_url(c) {
            break;
        }
        end += c.len_utf8();
    }
    // Trailing punctuation belongs to the sentence; a closing bracket only if unbalanced.
    while let Some(last) = text[..end].chars().next_back() {
        let inside = &text[i..end];
        let unbalanced = |open: char| inside.matches(open).count() < inside.matches(last).count();
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' => true,
            ')' => unbalanced('('),
            ']' => unbalanced('['),
            _ => false,
        };
        if !trim || end <= body {
            break;
        }
        end -= last.len_utf8();
    }
    (end > body).then_some(end)
}

/// `label(.label)+` ending in a common top-level domain, followed by `/` or the end of the
/// domain: returns the end of the domain.
pub(super) fn bare_domain_end(text: &str, i: usize) -> Option<usize> {
    const TLDS: [&str; 14] =
        ["com", "net", "org", "sa", "gov", "edu", "info", "co", "uk", "ae", "eg", "io", "int", "news"];
    let bytes = text.as_bytes();
    let mut pos = i;
    let mut last_label = i;
    let mut dots = 0;
    while pos < bytes.len() && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'-' || bytes[pos] == b'.') {
        if bytes[pos] == b'.' {
            if pos + 1 >= bytes.len() || !bytes[pos + 1].is_ascii_alphanumeric() {
                break;
            }
            dots += 1;
            last_label = pos + 1;
        }
        pos += 1;
    }
    let tld = text.get(last_label..pos)?;
    (dots >= 1 && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))).then_some(pos)
}

/// An e-mail address at `i`: `local@domain.tld`.
pub(super) fn email_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let is_local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let mut pos = i;
    while pos < bytes.len() && is_local(bytes[pos]) {
        pos += 1;
    }
    if pos == i || bytes.get(pos) != Some(&b'@') {
        return None;
    }
    let domain_start = pos + 1;
    let mut end = domain_start;
    let mut last_dot = None;
    while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'-' || bytes[end] == b'.') {
        if bytes[end] == b'.' {
            if !bytes.get(end + 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
                break;
            }
            last_dot = Some(end);
        }
        end += 1;
    }
    let last_dot = last_dot?;
    let tld = &bytes[last_dot + 1..end];
    (last_dot > domain_start && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(end)
}
