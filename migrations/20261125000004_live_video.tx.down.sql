DROP TABLE show_participants;
--bun:split
DROP TABLE livekit_events;
