using System.Runtime.InteropServices;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// Remembers the line where each key of a file was first seen, to reject ids repeated within the file.
/// Keys are kept as 64-bit hashes (two different ids share one with a probability of about 1 in 40 million
/// for a million-row file) in an open-addressing table of 12-byte slots (hash and line side by side, so a
/// lookup touches one cache line), at most 70 % full: a million rows take 24 MB. A general dictionary
/// spent more time on this one check than on parsing the row; on a virtual machine most of the cost is the
/// memory page lookup of a random access, so the table is kept small and sized once when the row count
/// can be estimated.
/// </summary>
internal sealed class FirstLines
{
    private Slot[] slots = new Slot[1 << 12];
    private int count;
    private int shift = 64 - 12;

    /// <summary>Sizes the table for about <paramref name="keys"/> keys at once, sparing the rehashing of gradual growth.</summary>
    public void EnsureCapacity(long keys)
    {
        while (IsFull(Math.Min(keys, int.MaxValue / 4), slots.Length))
        {
            Grow();
        }
    }

    /// <summary>Records <paramref name="key"/> at <paramref name="line"/>; false (with the first line) when it was seen before.</summary>
    public bool TryAdd(string key, long line, out long firstLine)
    {
        if (IsFull(count, slots.Length))
        {
            Grow();
        }

        var hash = Hash(key);
        var mask = slots.Length - 1;
        for (var i = Home(hash); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.Hash == 0)
            {
                slot = new Slot(hash, (int)Math.Min(line, int.MaxValue));
                count++;
                firstLine = line;
                return true;
            }

            if (slot.Hash == hash)
            {
                firstLine = slot.Line;
                return false;
            }
        }
    }

    private void Grow()
    {
        var old = slots;
        slots = new Slot[old.Length * 2];
        shift--;
        var mask = slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Hash == 0)
            {
                continue;
            }

            var i = Home(slot.Hash);
            while (slots[i].Hash != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = slot;
        }
    }

    /// <summary>Fibonacci hashing: the top bits of hash × 2^64/φ, so similar ids spread over the table.</summary>
    private int Home(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> shift);

    /// <summary>FNV-1a, 64 bits, never 0 (0 marks an empty slot).</summary>
    private static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash == 0 ? 1 : hash;
    }

    private static bool IsFull(long keys, int slots) => keys * 10 >= slots * 7L;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Slot(ulong Hash, int Line);
}
