import icon from './favicon.svg?raw';

/** The site's icon, served by the package so that a team's repository needs no public/ folder. */
export function GET() {
  return new Response(icon, { headers: { 'content-type': 'image/svg+xml' } });
}
