/*
 * The floor: the least work any generator must do for a Scholia site.
 *
 *     floor CONTENT_DOCUMENTS_DIR OUTPUT_DIR
 *
 * Reads every NAME.md and NAME.txt in CONTENT_DOCUMENTS_DIR, skips a leading YAML front
 * matter block (--- ... ---), renders the rest with libcmark's cmark_markdown_to_html and
 * writes OUTPUT_DIR/NAME.html. Nothing else: no templates, no metadata, no other pages,
 * one thread.
 *
 * Build: cc -O2 -o floor floor.c -lcmark
 */

#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int has_suffix(const char *name, const char *suffix) {
    size_t n = strlen(name), s = strlen(suffix);
    return n > s && strcmp(name + n - s, suffix) == 0;
}

/* Reads a whole file; returns a malloc'd buffer and its length, or NULL. */
static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buffer = malloc((size_t)size + 1);
    *length = fread(buffer, 1, (size_t)size, f);
    buffer[*length] = '\0';
    fclose(f);
    return buffer;
}

/* Returns where the body starts: after a closing "---" line if the text opens with "---". */
static const char *skip_front_matter(const char *text) {
    if (strncmp(text, "---\n", 4) != 0) return text;
    const char *line = text + 4;
    while (*line) {
        const char *next = strchr(line, '\n');
        size_t len = next ? (size_t)(next - line) : strlen(line);
        if (len == 3 && strncmp(line, "---", 3) == 0) return next ? next + 1 : line + len;
        if (!next) break;
        line = next + 1;
    }
    return text; /* unterminated: treat it all as body */
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s CONTENT_DOCUMENTS_DIR OUTPUT_DIR\n", argv[0]);
        return 2;
    }
    const char *input = argv[1], *output = argv[2];
    if (mkdir(output, 0755) != 0 && errno != EEXIST) {
        perror(output);
        return 1;
    }
    DIR *dir = opendir(input);
    if (!dir) {
        perror(input);
        return 1;
    }
    char path[4096];
    long count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        const char *name = entry->d_name;
        if (!has_suffix(name, ".md") && !has_suffix(name, ".txt")) continue;

        snprintf(path, sizeof path, "%s/%s", input, name);
        size_t length;
        char *text = read_file(path, &length);
        if (!text) {
            perror(path);
            return 1;
        }
        const char *body = skip_front_matter(text);
        char *html = cmark_markdown_to_html(body, length - (size_t)(body - text), CMARK_OPT_DEFAULT);

        size_t stem = strlen(name) - (has_suffix(name, ".md") ? 3 : 4);
        snprintf(path, sizeof path, "%s/%.*s.html", output, (int)stem, name);
        FILE *out = fopen(path, "wb");
        if (!out) {
            perror(path);
            return 1;
        }
        fwrite(html, 1, strlen(html), out);
        fclose(out);
        free(html);
        free(text);
        count++;
    }
    closedir(dir);
    fprintf(stderr, "floor: %ld documents\n", count);
    return 0;
}
