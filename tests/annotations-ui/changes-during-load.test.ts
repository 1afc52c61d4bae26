import { describe, expect, it } from 'vitest';
import { changesDuringLoad } from '@/lib/annotations-ui/changes-during-load';

type Note = { id: string; body: string };
const upsert = (note: Note) => (list: Note[]) => [...list.filter((n) => n.id !== note.id), note];
const remove = (id: string) => (list: Note[]) => list.filter((n) => n.id !== id);

// The reader's own notes are loaded while they may be writing: a list read before a save must not
// undo the save when it arrives after it (the note vanished from the panel under a loaded server).
describe('changesDuringLoad', () => {
  it('replays on a loaded list the changes made while it was on its way', () => {
    const tracker = changesDuringLoad<Note>();
    const load = tracker.begin();
    tracker.record(upsert({ id: 'new', body: 'saved meanwhile' }));
    tracker.record(remove('gone'));
    const settled = load.settle([
      { id: 'old', body: 'kept' },
      { id: 'gone', body: 'deleted meanwhile' },
    ]);
    expect(settled).toEqual([
      { id: 'old', body: 'kept' },
      { id: 'new', body: 'saved meanwhile' },
    ]);
  });

  it('replays nothing made before the load began, and drops a load that a later one overtook', () => {
    const tracker = changesDuringLoad<Note>();
    tracker.record(upsert({ id: 'before', body: 'already in the answer' }));
    const first = tracker.begin();
    const second = tracker.begin();
    tracker.record(upsert({ id: 'both', body: 'during both' }));
    expect(second.settle([])).toEqual([{ id: 'both', body: 'during both' }]);
    expect(first.settle([{ id: 'stale', body: 'older answer' }])).toBeNull();
  });
});
