DROP INDEX shows_listed;
