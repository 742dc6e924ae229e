-- One database per service (docker-compose mounts this into /docker-entrypoint-initdb.d).
CREATE DATABASE kopmod_registry;
CREATE DATABASE kopmod_financing;
CREATE DATABASE kopmod_marketplace;
CREATE DATABASE kopmod_console;
