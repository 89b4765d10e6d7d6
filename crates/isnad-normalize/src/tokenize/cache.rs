//! The per-thread cache of plain words' clitic analyses, keyed on the word's bytes.

use super::*;

thread_local! {
    pub(super) static CLITIC_CACHE: std::cell::RefCell<Option<Box<CliticCache>>> = const { std::cell::RefCell::new(None) };
}

/// The clitic analyses of recent plain words, by the word's bytes: news text repeats its
/// words, and the analysis (a skeleton and list lookups) costs far more than a lookup here.
/// The analysis depends only on the word's bytes and the profile, so a hit gives exactly
/// what the analysis would. Direct-mapped, one slot a hash, overwritten on a miss.
pub(super) struct CliticCache {
    pub(super) slots: Box<[CacheSlot]>,
}

/// A word's cache key and slot.
#[derive(Clone, Copy)]
pub(super) struct CacheProbe {
    pub(super) key: [u64; 3],
    pub(super) tag: u8,
    pub(super) hash: usize,
}

#[derive(Clone, Copy)]
pub(super) struct CacheSlot {
    /// The word's bytes, zero-padded.
    pub(super) key: [u64; 3],
    /// The word's length, with bit 7 set for the camel profile; 0 for an empty slot.
    pub(super) tag: u8,
    pub(super) clitics: Option<PackedClitics>,
}

/// A plain word's [`Clitics`] relative to the word: the stem's start in the word and in its
/// norm (the stem always ends the word).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) struct PackedClitics {
    pub(super) proclitics: Proclitics,
    pub(super) stem: u8,
    pub(super) stem_norm_start: u8,
}

impl PackedClitics {
    #[inline(always)]
    pub(super) fn pack(word: Span, clitics: Option<Clitics>) -> Result<Option<PackedClitics>, ()> {
        let Some(c) = clitics else { return Ok(None) };
        match (u8::try_from(c.stem.start.wrapping_sub(word.start)), u8::try_from(c.stem_norm_start)) {
            (Ok(stem), Ok(stem_norm_start)) if c.stem.end == word.end && c.stem.start >= word.start => {
                Ok(Some(PackedClitics { proclitics: c.proclitics, stem, stem_norm_start }))
            }
            _ => Err(()),
        }
    }

    #[inline(always)]
    pub(super) fn unpack(self, word: Span) -> Clitics {
        Clitics {
            proclitics: self.proclitics,
            stem: Span::new(word.start + self.stem as usize, word.end),
            stem_norm_start: self.stem_norm_start as u32,
        }
    }
}

impl CliticCache {
    /// 2^15 slots of 32 bytes (1 MiB a thread): news text has many rare words, and a miss
    /// (the analysis) costs more than a slot that is not in the processor's caches.
    pub(super) const BITS: u32 = 15;
    /// Words up to this many bytes (twelve Arabic letters) are cached.
    pub(super) const MAX_LEN: usize = 24;

    pub(super) fn new() -> Box<CliticCache> {
        let empty = CacheSlot { key: [0; 3], tag: 0, clitics: None };
        Box::new(CliticCache { slots: vec![empty; 1 << Self::BITS].into_boxed_slice() })
    }
}

/// Masks keeping the first `len` bytes of three little-endian words, for `len` 0–24.
pub(super) static KEY_MASKS: [[u64; 3]; 25] = {
    let mut table = [[0u64; 3]; 25];
    let mut len = 0;
    while len <= 24 {
        let mut k = 0;
        while k < 3 {
            let have = if len > 8 * k { len - 8 * k } else { 0 };
            table[len][k] = if have >= 8 { !0 } else { (1u64 << (8 * have)) - 1 };
            k += 1;
        }
        len += 1;
    }
    table
};

/// `bytes[start..start + len]` (`len <= 24`) as three little-endian words, zero-padded.
#[inline(always)]
pub(super) fn cache_key(bytes: &[u8], start: usize, len: usize) -> [u64; 3] {
    let mut key = [0u64; 3];
    if start + 24 <= bytes.len() {
        let masks = &KEY_MASKS[len.min(24)];
        for (k, word) in key.iter_mut().enumerate() {
            let chunk: [u8; 8] = bytes[start + 8 * k..start + 8 * k + 8].try_into().unwrap_or([0; 8]);
            *word = u64::from_le_bytes(chunk) & masks[k];
        }
    } else {
        let mut padded = [0u8; 24];
        padded[..len].copy_from_slice(&bytes[start..start + len]);
        for (k, word) in key.iter_mut().enumerate() {
            *word = u64::from_le_bytes(padded[8 * k..8 * k + 8].try_into().unwrap_or([0; 8]));
        }
    }
    key
}
