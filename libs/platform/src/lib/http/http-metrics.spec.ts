import { requestAttributes, routeOf } from './http-metrics';

const answered = (statusCode: number, finished = true) => ({ statusCode, writableFinished: finished });

describe('HTTP metric attributes', () => {
  it('name the route template, never the path asked for', () => {
    const request = { method: 'GET', route: { path: '/work-orders/:id' } };
    expect(requestAttributes(request, answered(200))).toEqual({
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'http.route': '/work-orders/:id',
    });
  });

  it('put a mounted router’s base before its route', () => {
    expect(routeOf({ baseUrl: '/admin', route: { path: '/outbox' } })).toBe('/admin/outbox');
    expect(routeOf({ baseUrl: '', route: { path: '' } })).toBe('/');
  });

  it('leave the route out when none matched, and bound the methods', () => {
    expect(requestAttributes({ method: 'BREW' }, answered(404))).toEqual({
      'http.request.method': '_OTHER',
      'http.response.status_code': 404,
    });
  });

  it('mark a request whose caller left before the answer was written', () => {
    expect(requestAttributes({ method: 'post', route: { path: '/x' } }, answered(200, false))).toMatchObject({
      'http.request.method': 'POST',
      'error.type': 'aborted',
    });
  });
});
