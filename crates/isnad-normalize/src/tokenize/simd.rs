//! The plain word path's block step on x86_64 (SSE2 is part of its baseline).

use std::arch::x86_64::*;

/// Folds the 16 bytes at `src` as eight two-byte chars and stores them at `dst`: letters
/// U+0620–063F and U+0641–064A are kept, except أ إ آ → ا, ة → ه, ى → ي (the same in both
/// profiles, checked against `plain_fold_table` by the tests). Returns the length in bytes
/// of the leading run of chars U+0620–065F (the word so far: 16 if it goes on) and a mask
/// of the bytes of chars in that range this step does not handle (tatweel, harakat): only
/// the bytes stored before the first of those and before the end of the run are meaningful.
///
/// # Safety
/// `src` must be readable and `dst` writable for 16 bytes.
#[inline(always)]
pub(super) unsafe fn fold_block(src: *const u8, dst: *mut u8) -> (usize, u32) {
    let v = _mm_loadu_si128(src as *const __m128i);
    // Each lane as the big-endian value of its pair, minus D8A0: U+0620–065F is 0–0xFF.
    let be = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));
    let x = _mm_sub_epi16(be, _mm_set1_epi16(0xD8A0u16 as i16));
    let in_range = _mm_cmpeq_epi16(_mm_srli_epi16(x, 8), _mm_setzero_si128());
    let eq = |k: i16| _mm_cmpeq_epi16(x, _mm_set1_epi16(k));
    // Handled: U+0620–063F (0x00–0x1F) and U+0641–064A (0xE1–0xEA). In range, the rest
    // is tatweel (0xE0) and 0xEB–0xFF (values compare as signed, all positive in range).
    let unhandled = _mm_or_si128(eq(0xE0), _mm_and_si128(_mm_cmpgt_epi16(x, _mm_set1_epi16(0xEA)), in_range));
    let alef = _mm_or_si128(_mm_or_si128(eq(0x02), eq(0x03)), eq(0x05));
    let blend = |mask: __m128i, with: u16, v: __m128i| {
        _mm_or_si128(_mm_andnot_si128(mask, v), _mm_and_si128(mask, _mm_set1_epi16(with as i16)))
    };
    // Replacement lanes are little-endian: ا is D8 A7, lane 0xA7D8.
    let out = blend(alef, 0xA7D8, v);
    let out = blend(eq(0x09), 0x87D9, out);
    let out = blend(eq(0xE9), 0x8AD9, out);
    _mm_storeu_si128(dst as *mut __m128i, out);
    let run = (!(_mm_movemask_epi8(in_range) as u32)).trailing_zeros() as usize;
    (run, _mm_movemask_epi8(unhandled) as u32)
}

#[cfg(test)]
mod tests {
    use crate::Profile;

    /// Every char U+0620–065F the block step handles, it folds as the table does, in both
    /// profiles; and it ends the run at the first char outside the range.
    #[test]
    fn block_step_agrees_with_the_table() {
        for profile in Profile::ALL {
            let table = super::super::plain_fold_table(profile);
            for u in 0x0620u32..0x0660 {
                let c = char::from_u32(u).unwrap();
                let mut text = String::new();
                for _ in 0..3 {
                    text.push(c);
                }
                text.push_str(" ب ");
                text.push_str("abcdefghijklmnop");
                let mut out = [0u8; 16];
                let (run, unhandled) = unsafe { super::fold_block(text.as_ptr(), out.as_mut_ptr()) };
                assert_eq!(run, 6, "{u:04X}");
                let index = u16::from_be_bytes([text.as_bytes()[0], text.as_bytes()[1]]).wrapping_sub(0xD8A0);
                if unhandled & 0b11 == 0 {
                    assert_eq!(unhandled, 0, "{u:04X}");
                    for k in 0..3 {
                        assert_eq!(u16::from_be_bytes([out[2 * k], out[2 * k + 1]]), table[index as usize], "{profile} {u:04X}");
                    }
                } else {
                    assert_eq!(unhandled, 0b11_1111, "{u:04X}");
                }
            }
        }
    }
}
